import { describe, expect, it } from 'vitest';
import { canCancelJob, isJobFinished, JOB_STATE, JOB_STATE_LABELS, JOB_STATES, jobActions, jobPercent } from '../../src/domain';

describe('jobs', () => {
  it('isJobFinished: completed, failed and cancelled are over; queued and active are not', () => {
    expect(JOB_STATES.filter(isJobFinished)).toEqual([JOB_STATE.completed, JOB_STATE.failed, JOB_STATE.cancelled]);
  });

  it('canCancelJob: only a queued or running job', () => {
    expect(JOB_STATES.filter(canCancelJob)).toEqual([JOB_STATE.queued, JOB_STATE.active]);
  });

  it('jobPercent: rows done of the total, floored, below 100 until completed', () => {
    expect(jobPercent(JOB_STATE.active, 0, null)).toBe(0);
    expect(jobPercent(JOB_STATE.active, 5, 0)).toBe(0);
    expect(jobPercent(JOB_STATE.active, 1, 3)).toBe(33);
    expect(jobPercent(JOB_STATE.active, 3, 3)).toBe(99);
    expect(jobPercent(JOB_STATE.active, 9, 3)).toBe(99);
    expect(jobPercent(JOB_STATE.completed, 0, null)).toBe(100);
    expect(jobPercent(JOB_STATE.failed, 1, 2)).toBe(50);
  });

  it('jobActions: cancel while it runs, download once finished with a file', () => {
    expect(jobActions(JOB_STATE.queued, false)).toEqual(['cancel']);
    expect(jobActions(JOB_STATE.active, true)).toEqual(['cancel']);
    expect(jobActions(JOB_STATE.completed, true)).toEqual(['download']);
    expect(jobActions(JOB_STATE.failed, true)).toEqual(['download']);
    expect(jobActions(JOB_STATE.cancelled, false)).toEqual([]);
  });

  it('labels every state in Chinese and English', () => {
    for (const s of JOB_STATES) expect(JOB_STATE_LABELS[s].zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
