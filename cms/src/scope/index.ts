export * from './actor';
export * from './scope';
export * from './ownership';
export { SCOPES } from './scope-map';
