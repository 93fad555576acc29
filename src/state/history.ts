/** A bounded undo/redo stack of immutable documents (plain TS; the rune class wraps it). */
export class UndoStack<T> {
  constructor(private readonly limit = 200) {}
  past: T[] = [];
  future: T[] = [];

  /** Records `before` as an undo step and forgets the redo branch. */
  record(before: T): void {
    this.past = [...this.past.slice(-(this.limit - 1)), before];
    this.future = [];
  }

  undo(current: T): T | null {
    const prev = this.past.at(-1);
    if (prev === undefined) return null;
    this.past = this.past.slice(0, -1);
    this.future = [...this.future, current];
    return prev;
  }

  redo(current: T): T | null {
    const next = this.future.at(-1);
    if (next === undefined) return null;
    this.future = this.future.slice(0, -1);
    this.past = [...this.past, current];
    return next;
  }

  clear(): void {
    this.past = [];
    this.future = [];
  }
}
