import { describe, expect, it } from 'vitest';
import {
  accountActionLabel,
  accountActions,
  assertAccountAction,
  DomainError,
  makeUsername,
  nextUsernameSeq,
  normaliseCell,
  normaliseText,
  PROVINCIAL_ACCOUNT_RE,
  ROLE_LABELS,
  ROLES,
  ORG_TYPES,
  ORG_TYPE_LABELS,
  roleForOrgType,
  orgTypeForRole,
  roleLabel,
} from '../../src/domain';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'OK';
}

describe('roles and organisation types', () => {
  it('lists the five roles and organisation types with their Chinese and English labels', () => {
    expect(ROLES).toEqual(['platform_admin', 'bureau', 'manufacturer', 'distributor', 'hospital']);
    expect(ROLES.map((r) => ROLE_LABELS[r].zh)).toEqual(['联采办', '省级医保局', '生产企业', '配送企业', '医疗机构']);
    expect(ORG_TYPES).toEqual(['platform', 'bureau', 'manufacturer', 'distributor', 'hospital']);
    expect(ORG_TYPE_LABELS.hospital.zh).toBe('医疗机构');
    expect(roleLabel('bureau', 'en-US')).toBe('Provincial Healthcare Security Bureau');
    expect(roleLabel('nobody')).toBe('nobody');
  });

  it('maps org types to roles and back', () => {
    expect(ORG_TYPES.map((o) => roleForOrgType(o))).toEqual([...ROLES]);
    expect(roleForOrgType('school')).toBeNull();
    for (const r of ROLES) expect(roleForOrgType(orgTypeForRole(r))).toBe(r);
  });
});

describe('accountActions (操作 column)', () => {
  it('not issued: 发放 修改 删除 查看', () => {
    for (const enabled of [true, false]) {
      const a = accountActions({ issued: false, enabled });
      expect(a).toEqual(['issue', 'edit', 'delete', 'view']);
      expect(a.map((x) => accountActionLabel(x, { issued: false }))).toEqual(['发放', '修改', '删除', '查看']);
    }
  });

  it('issued and enabled: 编辑 禁用 重置密码 查看', () => {
    const a = accountActions({ issued: true, enabled: true });
    expect(a).toEqual(['edit', 'disable', 'resetPassword', 'view']);
    expect(a.map((x) => accountActionLabel(x, { issued: true }))).toEqual(['编辑', '禁用', '重置密码', '查看']);
  });

  it('issued and disabled: 编辑 启用 重置密码 查看 (as in the manual)', () => {
    const a = accountActions({ issued: true, enabled: false });
    expect(a).toEqual(['edit', 'enable', 'resetPassword', 'view']);
    expect(a.map((x) => accountActionLabel(x, { issued: true }))).toEqual(['编辑', '启用', '重置密码', '查看']);
    expect(a.map((x) => accountActionLabel(x, { issued: true }, 'en-US'))).toEqual(['Edit', 'Enable', 'Reset password', 'View']);
  });

  it('issued and locked after failed logins: 解锁 before 查看, whether enabled or not; never before issue', () => {
    const a = accountActions({ issued: true, enabled: true, locked: true });
    expect(a).toEqual(['edit', 'disable', 'resetPassword', 'unlock', 'view']);
    expect(a.map((x) => accountActionLabel(x, { issued: true }))).toEqual(['编辑', '禁用', '重置密码', '解锁', '查看']);
    expect(accountActions({ issued: true, enabled: false, locked: true })).toContain('unlock');
    expect(accountActions({ issued: false, enabled: true, locked: true })).not.toContain('unlock');
    expect(code(() => assertAccountAction('unlock', { issued: true, enabled: true, locked: false }))).toBe('ACCOUNT_ACTION_NOT_ALLOWED');
    expect(code(() => assertAccountAction('unlock', { issued: true, enabled: true, locked: true }))).toBe('OK');
  });

  const full: Array<[boolean, boolean, string, boolean]> = [];
  const allowedBy: Record<string, string[]> = {
    'false,true': ['issue', 'edit', 'delete', 'view'],
    'false,false': ['issue', 'edit', 'delete', 'view'],
    'true,true': ['edit', 'disable', 'resetPassword', 'view'],
    'true,false': ['edit', 'enable', 'resetPassword', 'view'],
  };
  for (const issued of [false, true]) {
    for (const enabled of [true, false]) {
      for (const action of ['issue', 'edit', 'delete', 'view', 'enable', 'disable', 'resetPassword']) {
        full.push([issued, enabled, action, allowedBy[`${issued},${enabled}`]!.includes(action)]);
      }
    }
  }
  it.each(full)('issued=%s enabled=%s %s → %s', (issued, enabled, action, ok) => {
    const c = code(() => assertAccountAction(action as never, { issued, enabled }));
    expect(c).toBe(ok ? 'OK' : 'ACCOUNT_ACTION_NOT_ALLOWED');
  });

  it('refuses deleting an issued, enabled account with a message naming the action', () => {
    expect(() => assertAccountAction('delete', { issued: true, enabled: true })).toThrow('账号已发放且启用，不能执行“删除”操作');
  });
});

describe('makeUsername (配送企业用户名)', () => {
  it('with a provincial account: P + province + account', () => {
    expect(makeUsername('14', 'SX0001')).toBe('P14SX0001');
    expect(makeUsername('11', 'PS0001')).toBe('P11PS0001');
    expect(makeUsername('11', '1231231')).toBe('P111231231');
    expect(makeUsername('14', ' ＳＸ0002 ')).toBe('P14SX0002');
  });

  it('without: P + province + 4-digit sequence, P140001…P140050', () => {
    const names = Array.from({ length: 50 }, (_, i) => makeUsername('14', null, i + 1));
    expect(names[0]).toBe('P140001');
    expect(names[49]).toBe('P140050');
    expect(new Set(names).size).toBe(50);
    expect(names.every((n) => /^P14\d{4}$/.test(n))).toBe(true);
    expect(makeUsername('14', '', 50)).toBe('P140050');
    expect(makeUsername('14', '  ', 7)).toBe('P140007');
    expect(makeUsername('14', undefined, 9999)).toBe('P149999');
  });

  it('refuses a bad sequence, province code or account', () => {
    for (const seq of [0, 10000, -1, 1.5, Number.NaN]) expect(code(() => makeUsername('14', null, seq))).toBe('USERNAME_SEQ_INVALID');
    expect(code(() => makeUsername('14', null))).toBe('USERNAME_SEQ_INVALID');
    for (const p of ['1', '140', 'SX', '']) expect(code(() => makeUsername(p, 'SX0001'))).toBe('PROVINCE_CODE_INVALID');
    for (const a of ['SX-0001', 'SX 0001', '山西0001', 'x'.repeat(21)]) {
      expect(code(() => makeUsername('14', a))).toBe('PROVINCIAL_ACCOUNT_INVALID');
    }
  });

  it('PROVINCIAL_ACCOUNT_RE: letters and digits, 1–20', () => {
    expect(PROVINCIAL_ACCOUNT_RE.test('A')).toBe(true);
    expect(PROVINCIAL_ACCOUNT_RE.test('a'.repeat(20))).toBe(true);
    expect(PROVINCIAL_ACCOUNT_RE.test('a'.repeat(21))).toBe(false);
    expect(PROVINCIAL_ACCOUNT_RE.test('')).toBe(false);
    expect(PROVINCIAL_ACCOUNT_RE.test('ab_1')).toBe(false);
  });

  it('nextUsernameSeq continues after the highest sequence of the province', () => {
    expect(nextUsernameSeq('14', [])).toBe(1);
    expect(nextUsernameSeq('14', ['P140001', 'P140050', 'P14SX0001', 'P110099'])).toBe(51);
  });
});

describe('normaliseText', () => {
  it.each([
    ['ＡＢＣ１２３', 'ABC123'],
    ['  测试　配送  企业 ', '测试 配送 企业'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    ['（北京）', '(北京)'],
    ['a\t\nb', 'a b'],
    ['～！＠', '~!@'],
    ['', ''],
  ])('%j → %j', (input, out) => {
    expect(normaliseText(input)).toBe(out);
  });

  it('turns null and undefined into an empty string', () => {
    expect(normaliseText(null)).toBe('');
    expect(normaliseText(undefined)).toBe('');
  });
});

describe('normaliseCell (imported .xlsx cells)', () => {
  it.each<[unknown, string]>([
    [13800138000, '13800138000'],
    ['1.38001380E10', '13800138000'],
    ['1.38001380e+10', '13800138000'],
    [1.3800138e10, '13800138000'],
    [1e20, '100000000000000000000'],
    [2 ** 53, '9007199254740992'],
    [0, '0'],
    [12.5, '12.5'],
    ['1.5E1', '15'],
    ['1.25E1', '1.25E1'],
    [null, ''],
    [undefined, ''],
    [' ＳＸ0001 ', 'SX0001'],
    [true, 'true'],
    [Number.NaN, ''],
  ])('%j → %j', (input, out) => {
    expect(normaliseCell(input)).toBe(out);
  });

  it('a Date becomes its local calendar date', () => {
    expect(normaliseCell(new Date(2024, 0, 5))).toBe('2024-01-05');
  });
});
