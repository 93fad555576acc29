import { describe, expect, it } from 'vitest';
import { fittingCount } from '../../../src/ui/canvas/toolbar-fit.ts';

describe('toolbar fit', () => {
  const widths = [50, 60, 70, 40];
  it('keeps every button when they fit with their gaps', () => {
    expect(fittingCount(widths, 50 + 60 + 70 + 40 + 3 * 4, 60, 4)).toBe(4);
  });
  it('folds the last buttons into More, which takes its own room', () => {
    // 50 + 4 + 60 + 4 + More 60 = 178: two fit in 180, not three.
    expect(fittingCount(widths, 180, 60, 4)).toBe(2);
    expect(fittingCount(widths, 100, 60, 4)).toBe(0);
  });
  it('estimates More as the widest button before it is drawn', () => {
    expect(fittingCount(widths, 50 + 4 + 70 + 4, 0, 4)).toBe(1);
  });
});
