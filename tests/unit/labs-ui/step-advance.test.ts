import { describe, expect, it } from 'vitest';
import type { LabProgress } from '../../../src/engine/index.ts';
import { stepAfterEvaluation } from '../../../src/ui/labs/progress.ts';

const progress = (complete: boolean[]): LabProgress => {
  const first = complete.indexOf(false);
  return { steps: complete.map((c, i) => ({ id: `s${i}`, complete: c, checks: [] })), current: first < 0 ? complete.length : first, done: first < 0 } as unknown as LabProgress;
};

describe('the step in view after an evaluation', () => {
  it('moves to the first unfinished step when the step in view has just been completed', () => {
    expect(stepAfterEvaluation(0, progress([false, true, true, false]), progress([true, true, true, false]))).toBe(3);
    expect(stepAfterEvaluation(1, progress([false, false, false]), progress([true, true, false]))).toBe(2);
  });
  it('stays when the step in view was already complete (looking back), is still unfinished, or the lab is done', () => {
    expect(stepAfterEvaluation(0, progress([true, false]), progress([true, false]))).toBe(0);
    expect(stepAfterEvaluation(0, progress([false, false]), progress([false, true]))).toBe(0);
    expect(stepAfterEvaluation(1, progress([true, false]), progress([true, true]))).toBe(1);
    expect(stepAfterEvaluation(0, null, progress([true, false]))).toBe(0);
  });
  it('moves back to an earlier unfinished step too', () => {
    expect(stepAfterEvaluation(2, progress([false, true, false, true]), progress([false, true, true, true]))).toBe(0);
  });
});
