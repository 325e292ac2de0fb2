import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MACHINES } from '../../src/domain';
import { describeFindings, findQuotedStates, quotedStatesIn, type QuotedState } from './support/quoted-states';
import { sourceFiles } from './support/source-files';

/** Every state name of every machine of the domain. */
const STATES: ReadonlySet<string> = new Set(Object.values(MACHINES).flatMap((m) => [...m.stateNames]));

/**
 * Files that may quote state names, and why. Keep it short: a new entry needs a reason that a domain
 * constant cannot serve.
 */
const ALLOWED: ReadonlyArray<{ file: string; reason: string }> = [];

const SCANNED = sourceFiles('cms/src', 'admin/src').filter((f) => !f.includes('/cms/src/domain/'));

describe('state names are decided on in the domain only', () => {
  it('collects the state names of every machine', () => {
    for (const s of ['pending', 'established', 'accepted', 'confirmed', 'delivering', 'shipped', 'passed', 'agreed', 'signing']) expect(STATES).toContain(s);
  });

  it('finds no state name compared, switched on, queried or gathered into a set outside cms/src/domain', () => {
    const found = findQuotedStates(SCANNED, STATES).filter((f) => !ALLOWED.some((a) => a.file === f.file));
    if (found.length > 0) console.log(describeFindings(found));
    expect(found.map((f) => `${f.file}:${f.line} '${f.state}' (${f.context})`)).toEqual([]);
  });

  it('lists only allow-listed files that exist and still need it', () => {
    const all = findQuotedStates(SCANNED, STATES);
    for (const a of ALLOWED)
      expect(
        all.some((f) => f.file === a.file),
        `${a.file} no longer quotes state names: drop it from ALLOWED`,
      ).toBe(true);
  });
});

describe('the quoted-state detector', () => {
  const scan = (code: string): QuotedState[] =>
    quotedStatesIn(ts.createSourceFile('x.tsx', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX), 'x.tsx', STATES);
  const contexts = (code: string) => scan(code).map((f) => `${f.state} ${f.context}`);

  it.each([
    ["if (row.status === 'pending') go();", 'pending comparison'],
    ["ok = 'established' !== r.status;", 'established comparison'],
    ["switch (s) { case 'accepted': break; }", 'accepted case'],
    ["qb.where('status', 'pending');", 'pending where(…)'],
    ["qb.whereNot('status', 'withdrawn');", 'withdrawn whereNot(…)'],
    ["qb.whereIn('status', ['confirmed', 'delivering']);", 'confirmed whereIn(…, […])'],
    ["find({ where: { status: 'pending' } });", 'pending { status: … }'],
    ["find({ filters: { status: { $eq: 'shipped' } } });", 'shipped { $eq: … }'],
    ["find({ filters: { status: { $in: ['passed', 'failed'] } } });", 'passed $in: […]'],
    ["if (['pending', 'revoking'].includes(s)) go();", 'pending […].includes'],
    ["const OPEN = new Set(['pending']);", 'pending new Set([…])'],
    ["const z1 = z.enum(['signing', 'effective', 'void']);", 'signing status set […]'],
    ['db.raw("CASE WHEN status = \'established\' THEN 1 END");', 'established quoted in SQL text'],
    ["qb.whereRaw(`${col} = 'terminating'`);", 'terminating quoted in SQL text'],
    ["filters: [{ field: 'status', operator: 'eq', value: 'agreed' }]", 'agreed filter value'],
    ["row.invoiceStatus = 'missing';", 'missing invoiceStatus = …'],
    ["if (statuses.includes('terminated')) go();", 'terminated ….includes(…)'],
    ["insert({ invoiceStatus: invoice ? 'pending' : 'missing' });", 'missing { invoiceStatus: … }'],
    ["const s = { status: row.status ?? 'pending' };", 'pending { status: … }'],
  ])('flags %s', (code, expected) => {
    expect(contexts(code)).toContain(expected);
  });

  it.each([
    "const label = t('pending');",
    "type S = 'pending' | 'confirmed';",
    "const m = machine.next('accept', row.status);",
    "log.info('confirmed');",
    'const KEYS = { pending: 1 };',
    "if (role === 'hospital') go();",
    "qb.whereIn('status', PENDING_STATUSES);",
    "if (!['todo', 'delivered', 'all'].includes(tab)) throw err;",
    "const rows = tab === 'delivered' ? a : b;",
    "if (query.activeTab !== 'delivered') go();",
    "const s = flag ? 'pending' : 'other';",
  ])('leaves %s alone', (code) => {
    expect(scan(code)).toEqual([]);
  });
});
