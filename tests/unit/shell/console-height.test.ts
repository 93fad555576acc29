import { describe, expect, it } from 'vitest';
import { MIN_CONSOLE, ROOM_ABOVE, clampConsoleHeight, saveConsoleHeight, savedConsoleHeight } from '../../../src/ui/shell/console-height.ts';

describe('console height', () => {
  it('stays between a usable console and a usable canvas above it', () => {
    expect(clampConsoleHeight(10, 700)).toBe(MIN_CONSOLE);
    expect(clampConsoleHeight(300, 700)).toBe(300);
    expect(clampConsoleHeight(5000, 700)).toBe(700 - ROOM_ABOVE);
    // A window too short for both: the console keeps its minimum.
    expect(clampConsoleHeight(300, 200)).toBe(MIN_CONSOLE);
  });

  it('is kept in storage, and a blocked or empty storage gives the default', () => {
    const m = new Map<string, string>();
    const store = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
    expect(savedConsoleHeight(store)).toBeNull();
    saveConsoleHeight(260, store);
    expect(savedConsoleHeight(store)).toBe(260);
    saveConsoleHeight(null, store);
    expect(savedConsoleHeight(store)).toBeNull();
    const blocked = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => { throw new Error('denied'); } };
    expect(savedConsoleHeight(blocked)).toBeNull();
    expect(() => saveConsoleHeight(200, blocked)).not.toThrow();
  });
});
