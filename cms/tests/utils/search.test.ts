import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsPattern, containsText, whereContains } from '../../src/utils/search';

describe('containsPattern', () => {
  it('lower-cases the term, escapes %, _ and \\ and wraps it in %', () => {
    expect(containsPattern('AbC')).toBe('%abc%');
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});

describe('containsText (the same test in memory)', () => {
  it('matches case-insensitively and takes wildcards literally', () => {
    expect(containsText('Weigao 威高 Ortho', 'ortho')).toBe(true);
    expect(containsText('Weigao', '%')).toBe(false);
    expect(containsText('50% off', '50%')).toBe(true);
  });

  it('matches everything for a blank term and nothing that is not text', () => {
    expect(containsText('x', '  ')).toBe(true);
    expect(containsText(null, 'x')).toBe(false);
  });
});

describe('whereContains on SQLite', () => {
  let db: Knex;
  const names = (term: string | null) =>
    whereContains(db('orgs').select('name').orderBy('id'), ['name', 'code'], term).then((rows: Array<{ name: string }>) => rows.map((r) => r.name));

  beforeAll(async () => {
    db = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await db.schema.createTable('orgs', (t) => {
      t.increments('id');
      t.string('name');
      t.string('code');
    });
    await db('orgs').insert([
      { name: 'Weigao 威高', code: 'WG_01' },
      { name: 'Chunli 春立', code: 'CL%02' },
      { name: 'Dabo 大博', code: 'DB\\03' },
    ]);
  });
  afterAll(() => db.destroy());

  it('finds a term in any of the columns, whatever its case', async () => {
    expect(await names('weiGAO')).toEqual(['Weigao 威高']);
    expect(await names('cl')).toEqual(['Chunli 春立']);
    expect(await names('大博')).toEqual(['Dabo 大博']);
  });

  it('takes % and _ and \\ in the term literally', async () => {
    expect(await names('%')).toEqual(['Chunli 春立']);
    expect(await names('_')).toEqual(['Weigao 威高']);
    expect(await names('\\')).toEqual(['Dabo 大博']);
  });

  it('adds nothing for a blank or missing term', async () => {
    expect(await names('  ')).toHaveLength(3);
    expect(await names(null)).toHaveLength(3);
  });
});
