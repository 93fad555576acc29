import { describe, expect, it } from 'vitest';
import { UndoStack } from '../../../src/state/history.ts';

describe('UndoStack', () => {
  it('undoes and redoes in order, and a new edit forgets the redo branch', () => {
    const s = new UndoStack<number>();
    s.record(1);
    s.record(2);
    expect(s.undo(3)).toBe(2);
    expect(s.undo(2)).toBe(1);
    expect(s.undo(1)).toBeNull();
    expect(s.redo(1)).toBe(2);
    s.record(2);
    expect(s.redo(5)).toBeNull();
  });
  it('keeps at most `limit` steps', () => {
    const s = new UndoStack<number>(3);
    for (let i = 0; i < 10; i++) s.record(i);
    expect(s.past).toEqual([7, 8, 9]);
  });
});
