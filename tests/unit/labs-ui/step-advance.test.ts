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
  it('moves back to the first unfinished step when an earlier step is undone (the card never says step 6 while step 5 is unticked)', () => {
    expect(stepAfterEvaluation(5, progress([true, true, true, true, true, false, false]), progress([true, true, true, true, false, false, false]))).toBe(4);
    // The whole lab was done, viewing the last step: an undo of step 2 brings the card back to it.
    expect(stepAfterEvaluation(3, progress([true, true, true, true]), progress([true, false, true, true]))).toBe(1);
    // Looking ahead past an unfinished step, with nothing undone: the card stays where the learner put it.
    expect(stepAfterEvaluation(3, progress([true, false, false, false]), progress([true, false, false, false]))).toBe(3);
  });
  it('does not skip a reading step that completed with the step in view: its text is for reading', () => {
    const reading = [false, true, false, false];
    expect(stepAfterEvaluation(0, progress([false, false, false, false]), progress([true, true, false, false]), reading)).toBe(1);
    // A step with work (a solution or traffic) done in the same change is skipped, as before.
    expect(stepAfterEvaluation(0, progress([false, false, false, false]), progress([true, true, false, false]), [false, false, false, false])).toBe(2);
    // Nor when it was complete before (its checks passed as soon as an earlier change allowed them): it was never shown.
    expect(stepAfterEvaluation(0, progress([false, true, false, false]), progress([true, true, false, false]), reading)).toBe(1);
    // A reading step past the next unfinished step waits for its turn.
    expect(stepAfterEvaluation(0, progress([false, false, false, false]), progress([true, false, true, false]), [false, false, true, false])).toBe(1);
    // The lab done at once: the card goes to the reading step rather than staying.
    expect(stepAfterEvaluation(0, progress([false, false]), progress([true, true]), [false, true])).toBe(1);
  });
});
