/**
 * Distributor accounts 配送企业用户 (manual 000).
 *
 * Not issued (未发放): 发放 修改 删除 查看. Issued (已发放): 编辑 启用|禁用 重置密码 查看.
 * Username 配送企业用户名 (generated, never typed):
 * - with a provincial platform account X: 'P' + province code + X   ('14', 'SX0001') → 'P14SX0001'
 * - without: 'P' + province code + 4-digit sequence per province    ('14', null, 50) → 'P140050'
 * Usernames are unique whatever their case, and stored canonical: the provincial account upper-cased
 * ('sx0001' → 'P14SX0001'). Sequence numbers skip usernames already taken (a provincial account '0051'
 * takes P140051) and end at USERNAME_SEQ_MAX.
 */
import { DomainError } from './errors';
import { normaliseText } from './text';

export { normaliseCell, normaliseText } from './text';

export const ACCOUNT_ACTIONS = ['issue', 'edit', 'delete', 'view', 'enable', 'disable', 'resetPassword', 'unlock'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export interface AccountState {
  issued: boolean;
  enabled: boolean;
  /** The login is locked after repeated failed logins (domain/login-guard.ts): 解锁 lifts it. */
  locked?: boolean;
}

/** Labels of the actions; 'edit' reads 修改 before issue and 编辑 after (accountActionLabel). */
const ACCOUNT_ACTION_LABELS: { readonly [A in AccountAction]: { zh: string; en: string } } = {
  issue: { zh: '发放', en: 'Issue' },
  edit: { zh: '修改', en: 'Edit' },
  delete: { zh: '删除', en: 'Delete' },
  view: { zh: '查看', en: 'View' },
  enable: { zh: '启用', en: 'Enable' },
  disable: { zh: '禁用', en: 'Disable' },
  resetPassword: { zh: '重置密码', en: 'Reset password' },
  unlock: { zh: '解锁', en: 'Unlock' },
};

/** 用户状态. */
export const ACCOUNT_ENABLED_LABELS = {
  enabled: { zh: '启用', en: 'Enabled', color: 'green' },
  disabled: { zh: '禁用', en: 'Disabled', color: 'red' },
} as const;

/** 是否发放 / 是否登录 columns. */
export const YES_NO_LABELS = {
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
} as const;

/**
 * The states an account passes through, as the history records them (发放 notIssued → issued,
 * 禁用 enabled → disabled, 启用 back).
 */
export const ACCOUNT_STATE = {
  notIssued: 'notIssued',
  issued: 'issued',
  enabled: 'enabled',
  disabled: 'disabled',
} as const;
export type AccountStateName = (typeof ACCOUNT_STATE)[keyof typeof ACCOUNT_STATE];

/** Input limits of manual 000: rows per import file, per 发放 request and per export. */
export const ACCOUNT_IMPORT_MAX_ROWS = 20_000;
export const ACCOUNT_ISSUE_MAX_ROWS = 20_000;
export const ACCOUNT_EXPORT_MAX_ROWS = 20_000;
/** 本省配送企业用户列表: 10 a page by default, at most 100. */
export const ACCOUNT_LIST_PAGE_SIZE = 10;
export const ACCOUNT_LIST_MAX_PAGE_SIZE = 100;
/** 配送区域: at most this many districts per distributor. */
export const DISTRIBUTION_AREAS_MAX = 1000;
/** The columns the list sorts by. */
export const ACCOUNT_SORT_FIELDS = ['username', 'provincialAccount', 'companyName', 'createdAt', 'issuedAt', 'lastLoginAt', 'enabled', 'issued'] as const;
export type AccountSortField = (typeof ACCOUNT_SORT_FIELDS)[number];

/** Actions allowed on an account, in the manual's column order. */
export function accountActions(state: AccountState): AccountAction[] {
  if (!state.issued) return ['issue', 'edit', 'delete', 'view'];
  return ['edit', state.enabled ? 'disable' : 'enable', 'resetPassword', ...(state.locked ? (['unlock'] as const) : []), 'view'];
}

export function accountActionLabel(action: AccountAction, state: { issued: boolean }, lang: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  if (action === 'edit' && state.issued) return lang === 'en-US' ? 'Edit' : '编辑';
  const l = ACCOUNT_ACTION_LABELS[action];
  return lang === 'en-US' ? l.en : l.zh;
}

/** Throws ACCOUNT_ACTION_NOT_ALLOWED (409) unless `action` is allowed in `state`. */
export function assertAccountAction(action: AccountAction, state: AccountState): void {
  if (accountActions(state).includes(action)) return;
  const where = state.issued ? (state.enabled ? '已发放且启用' : '已发放且禁用') : '未发放';
  throw new DomainError('ACCOUNT_ACTION_NOT_ALLOWED', `账号${where}，不能执行“${accountActionLabel(action, state)}”操作`, {
    status: 409,
    details: { action, ...state },
  });
}

/** Provincial platform account 省平台账号: 1–20 letters or digits. */
export const PROVINCIAL_ACCOUNT_RE = /^[A-Za-z0-9]{1,20}$/;
export const USERNAME_SEQ_MAX = 9999;

/**
 * Generated username. Throws (400): PROVINCE_CODE_INVALID (not 2 digits), PROVINCIAL_ACCOUNT_INVALID
 * (field provincialAccount), USERNAME_SEQ_INVALID (seq not an integer 1..9999, or missing when there
 * is no provincial account).
 */
export function makeUsername(provinceCode: string, provincialAccount?: string | null, seq?: number | null): string {
  const code = normaliseText(provinceCode);
  if (!/^\d{2}$/.test(code)) {
    throw new DomainError('PROVINCE_CODE_INVALID', `省份代码应为两位数字：${provinceCode}`, { status: 400, field: 'province' });
  }
  const account = normaliseText(provincialAccount ?? '');
  if (account !== '') {
    if (!PROVINCIAL_ACCOUNT_RE.test(account)) {
      throw new DomainError('PROVINCIAL_ACCOUNT_INVALID', '省平台账号只能包含字母和数字，长度1-20位', {
        status: 400,
        field: 'provincialAccount',
      });
    }
    return `P${code}${account.toUpperCase()}`;
  }
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1 || seq > USERNAME_SEQ_MAX) {
    throw new DomainError('USERNAME_SEQ_INVALID', `顺序码应为1-${USERNAME_SEQ_MAX}的整数`, {
      status: 400,
      details: { seq },
    });
  }
  return `P${code}${String(seq).padStart(4, '0')}`;
}

/** Next free sequence for a province, given usernames already used there (P + code + 4 digits). */
export function nextUsernameSeq(provinceCode: string, existingUsernames: Iterable<string>): number {
  const re = new RegExp(`^P${provinceCode}(\\d{4})$`);
  let max = 0;
  for (const u of existingUsernames) {
    const m = re.exec(u);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/**
 * The first `count` sequence numbers from `from` (the province's next) whose usernames `isTaken` does
 * not claim; fewer when the province's range ends at USERNAME_SEQ_MAX first.
 */
export function freeUsernameSeqs(provinceCode: string, from: number, count: number, isTaken: (username: string) => boolean): number[] {
  const out: number[] = [];
  for (let seq = Math.max(1, from); seq <= USERNAME_SEQ_MAX && out.length < count; seq++) {
    if (!isTaken(makeUsername(provinceCode, null, seq))) out.push(seq);
  }
  return out;
}

/** 409 USERNAME_SEQ_EXHAUSTED: the province's generated usernames cannot cover `needed` more accounts. */
export function usernameSeqExhausted(needed: number, available: number): DomainError {
  const more = available > 0 ? `还可生成 ${available} 个，本次需要 ${needed} 个` : '已无可用顺序码';
  return new DomainError(
    'USERNAME_SEQ_EXHAUSTED',
    `本省按顺序码生成的配送企业用户名已用完（顺序码最大 ${USERNAME_SEQ_MAX}，${more}）：请为这些企业填写省级耗材网采用户名（省平台账号）`,
    { status: 409, field: 'provincialAccount', details: { needed, available } },
  );
}
