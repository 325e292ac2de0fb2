import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import panel from '../../src/middlewares/panel';

/** A Koa-like context whose downstream answered `status` with `headers`. */
function context(p: string, status: number, headers: Record<string, string>) {
  return {
    method: 'GET',
    path: p,
    status,
    body: undefined as unknown,
    type: '',
    headers: { ...headers },
    set(field: string, value: string) {
      this.headers[field] = value;
    },
    remove(field: string) {
      delete this.headers[field];
    },
  };
}

describe('panel middleware', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>panel</title>');
  const mw = panel({ dir });

  it("GET / serves the panel instead of Strapi's redirect, without the redirect's Location", async () => {
    const ctx = context('/', 302, { Location: '/admin' });
    await mw(ctx, async () => undefined);
    expect(ctx.status).toBe(200);
    expect(ctx.type).toContain('text/html');
    expect(ctx.headers).not.toHaveProperty('Location');
  });

  it('leaves API answers alone', async () => {
    const ctx = context('/api/nothing', 404, {});
    await mw(ctx, async () => undefined);
    expect(ctx.status).toBe(404);
    expect(ctx.body).toBeUndefined();
  });
});
