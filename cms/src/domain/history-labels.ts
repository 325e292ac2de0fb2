/**
 * Labels of every step a record's history holds, per timeline: the machine's own transitions, plus the
 * steps recorded outside it (委托 'create', 申请 'request', 配送 'deliver', the invoice steps of a
 * delivery, an account's 添加 / 发放 / 禁用 …), so that no timeline shows a raw action name.
 */
import { ACCOUNT_STATE } from './account';
import type { Lang, Machine } from './state-machine';
import { contractMachine } from './contract';
import { delegationMachine } from './delegation';
import { deliveryMachine, invoiceMachine } from './delivery';
import { relationshipMachine } from './hospital-relationship';
import { orderLineMachine } from './order-line';
import { returnMachine } from './return';
import { ORDER_LINE_HISTORY_ACTIONS } from './order-line-history';
import { CONTRACT_HISTORY_ACTIONS } from './contract-row';

type Labels = { readonly [key: string]: { readonly zh: string; readonly en: string } };

/** What a timeline needs: a label for each state and each action it may meet. */
export interface HistoryLabeller {
  label(state: string, lang?: Lang): string;
  actionLabel(action: string, lang?: Lang): string;
}

const ACCOUNT_HISTORY_STATES: Labels = {
  [ACCOUNT_STATE.notIssued]: { zh: '未发放', en: 'Not issued' },
  [ACCOUNT_STATE.issued]: { zh: '已发放', en: 'Issued' },
  [ACCOUNT_STATE.enabled]: { zh: '启用', en: 'Enabled' },
  [ACCOUNT_STATE.disabled]: { zh: '禁用', en: 'Disabled' },
};

/** Steps recorded besides each timeline's own transitions. */
export const HISTORY_STEP_LABELS: { readonly [timeline: string]: Labels } = {
  delegation: { create: { zh: '发起委托', en: 'Delegated' }, subDelegate: { zh: '下级配送', en: 'Sub-delegated' } },
  relationship: { request: { zh: '委托配送申请', en: 'Requested' }, expire: { zh: '解约期满', en: 'Termination over' } },
  orderLine: ORDER_LINE_HISTORY_ACTIONS,
  delivery: ORDER_LINE_HISTORY_ACTIONS,
  return: {
    request: { zh: '申请退货', en: 'Return requested' },
    agree: { zh: '同意退货', en: 'Return agreed' },
    refuse: { zh: '拒绝退货', en: 'Return refused' },
  },
  contract: CONTRACT_HISTORY_ACTIONS,
  account: {
    create: { zh: '添加账号', en: 'Added' },
    import: { zh: '导入账号', en: 'Imported' },
    issue: { zh: '发放账号', en: 'Issued' },
    edit: { zh: '修改账号', en: 'Edited' },
    enable: { zh: '启用账号', en: 'Enabled' },
    disable: { zh: '禁用账号', en: 'Disabled' },
    resetPassword: { zh: '重置密码', en: 'Password reset' },
    delete: { zh: '删除账号', en: 'Deleted' },
  },
};

const TIMELINE_MACHINES = {
  delegation: [delegationMachine],
  relationship: [relationshipMachine],
  orderLine: [orderLineMachine],
  delivery: [deliveryMachine, invoiceMachine],
  invoice: [invoiceMachine],
  return: [returnMachine],
  contract: [contractMachine],
  account: [],
} as const;

/** A timeline: a machine's name (MACHINES) or `account` (配送企业账号, which has no machine). */
export type HistoryTimeline = keyof typeof TIMELINE_MACHINES;

const pick = (l: { zh: string; en: string } | undefined, lang: Lang) => (l ? (lang === 'en-US' ? l.en : l.zh) : undefined);

/**
 * The labeller of a timeline: `account`, or a machine name. A delivery's timeline also holds its
 * invoice's states (补填, 查验), so it reads them from the invoice machine too.
 */
export function historyLabeller(timeline: HistoryTimeline): HistoryLabeller {
  const steps = HISTORY_STEP_LABELS[timeline] ?? {};
  const machines = TIMELINE_MACHINES[timeline];
  return {
    label: (state, lang = 'zh-CN') => {
      if (timeline === 'account') return pick(ACCOUNT_HISTORY_STATES[state], lang) ?? state;
      const m = (machines as readonly Machine[]).find((x) => x.isState(state));
      return m ? m.label(state, lang) : state;
    },
    actionLabel: (action, lang = 'zh-CN') => {
      const step = pick(steps[action], lang);
      if (step) return step;
      const m = (machines as readonly Machine[]).find((x) => x.isTransition(action));
      return m ? m.actionLabel(action, lang) : action;
    },
  };
}
