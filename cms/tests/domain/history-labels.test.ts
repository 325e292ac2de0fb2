import { describe, expect, it } from 'vitest';
import { describeHistoryEntry, historyLabeller, HISTORY_STEP_LABELS } from '../../src/domain';

describe('historyLabeller', () => {
  it('labels the delegation’s create step in Chinese (no raw “create”)', () => {
    const text = describeHistoryEntry({ action: 'create', from: null, to: 'pending', reason: null }, historyLabeller('delegation'));
    expect(text).toBe('— → 待确认（发起委托）');
    expect(text).not.toMatch(/create/);
  });

  it('labels a delivery’s invoice states and steps from the invoice machine', () => {
    const l = historyLabeller('delivery');
    expect(l.actionLabel('failInvoice')).toBe('发票查验不通过');
    expect(l.label('failed')).not.toBe('failed');
    expect(l.label('shipped')).not.toBe('shipped');
  });

  it('labels an account’s states and steps, in both languages', () => {
    const l = historyLabeller('account');
    expect(describeHistoryEntry({ action: 'issue', from: 'notIssued', to: 'issued', reason: null }, l)).toBe('未发放 → 已发放（发放账号）');
    expect(l.actionLabel('disable', 'en-US')).toBe('Disabled');
  });

  it('has a Chinese label for every recorded step it lists', () => {
    for (const steps of Object.values(HISTORY_STEP_LABELS)) for (const l of Object.values(steps)) expect(l.zh).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('falls back to the machine’s transitions and to the raw name when unknown', () => {
    expect(historyLabeller('relationship').actionLabel('accept')).toBe('接受委托');
    expect(historyLabeller('return').actionLabel('whatever')).toBe('whatever');
  });
});
