import { describe, expect, it } from 'vitest';
import { directionViolations, layerOf, ruleBroken } from './support/layers';
import { sourceFiles } from './support/source-files';

const describeViolations = (v: ReturnType<typeof directionViolations>) => v.map((x) => `${x.file}:${x.line} → ${x.target}: ${x.rule}`);

describe('imports follow the directions of cms/docs/architecture.md', () => {
  it('keeps every server layer to the layers it may import', () => {
    expect(describeViolations(directionViolations(sourceFiles('cms/src')))).toEqual([]);
  });

  it('keeps every panel page to itself, components, hooks, providers and the domain', () => {
    expect(describeViolations(directionViolations(sourceFiles('admin/src')))).toEqual([]);
  });
});

describe('the direction rules', () => {
  it('names the layer of a server file', () => {
    expect(layerOf('cms/src/scope/actor.ts')).toBe('scope');
    expect(layerOf('cms/src/index.ts')).toBe('index');
    expect(layerOf('admin/src/App.tsx')).toBeNull();
  });

  it.each([
    ['cms/src/domain/order-line.ts', 'cms/src/utils/clock.ts'],
    ['cms/src/utils/query.ts', 'cms/src/db/values.ts'],
    ['cms/src/db/count-cache.ts', 'cms/src/scope/actor.ts'],
    ['cms/src/scope/scope.ts', 'cms/src/strapi-patches/auth-cache.ts'],
    ['cms/src/scope/ownership.ts', 'cms/src/api/order-line/services/order-line.ts'],
    ['cms/src/middlewares/business-errors.ts', 'cms/src/api/order/services/order.ts'],
    ['cms/src/policies/org-scope.ts', 'cms/src/api/delivery/services/delivery.ts'],
    ['cms/src/bootstrap/register-roles.ts', 'cms/src/strapi-patches/index.ts'],
    ['cms/src/api/delivery/services/delivery.ts', 'cms/src/strapi-patches/index.ts'],
    ['cms/src/api/delivery/services/delivery.ts', 'cms/src/api/order-line/controllers/order-line.ts'],
    ['admin/src/pages/order-lines/list.tsx', 'admin/src/pages/delegations/list.tsx'],
    ['admin/src/hooks/use-row-action.ts', 'cms/src/utils/query.ts'],
    ['cms/src/api/order/services/order.ts', 'cms/src/api/order/services/missing.ts (unresolved)'],
  ])('refuses %s → %s', (from, to) => {
    expect(ruleBroken(from, to)).not.toBeNull();
  });

  it.each([
    ['cms/src/domain/order-line.ts', 'cms/src/domain/state-machine.ts'],
    ['cms/src/db/count-cache.ts', 'cms/src/utils/auth-events.ts'],
    ['cms/src/scope/ownership.ts', 'cms/src/db/values.ts'],
    ['cms/src/api/delivery/services/delivery.ts', 'cms/src/api/order-line/services/order-line.ts'],
    ['cms/src/api/delivery/controllers/delivery.ts', 'cms/src/api/delivery/services/delivery.ts'],
    ['cms/src/index.ts', 'cms/src/strapi-patches/index.ts'],
    ['cms/src/strapi-patches/auth-cache.ts', 'cms/src/utils/auth-events.ts'],
    ['cms/src/seed/demo.ts', 'cms/src/api/state-history/services/state-history.ts'],
    ['admin/src/pages/order-lines/list.tsx', 'admin/src/pages/order-lines/forms.tsx'],
    ['admin/src/pages/order-lines/list.tsx', 'admin/src/hooks/use-row-action.ts'],
    ['admin/src/pages/order-lines/list.tsx', 'cms/src/domain/index.ts'],
  ])('allows %s → %s', (from, to) => {
    expect(ruleBroken(from, to)).toBeNull();
  });
});
