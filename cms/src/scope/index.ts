export * from './actor';
export * from './scope';
export { SCOPES } from './scope-map';
