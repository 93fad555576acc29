import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChanges, evaluateLab, parseLab, type Lab } from '../../../src/engine/index.ts';
import { PROGRESS_KEY, checkKey, clearProgress, loadProgress, recordPasses, saveProgress, type SavedProgress } from '../../../src/ui/labs/progress.ts';

function memoryStore() {
  const m = new Map<string, string>();
  return { m, getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}
const parsed = parseLab(readFileSync('static/labs/peering-and-flow-logs.json', 'utf8'));
if (!parsed.ok) throw new Error('lab 1 does not parse');
const lab: Lab = parsed.lab;

describe('lab progress', () => {
  it('records when each check first passed, and never moves that time', () => {
    const start = evaluateLab(lab, lab.start);
    const p0 = recordPasses({}, start, { sim: 100, wall: 1 });
    expect(Object.keys(p0)).toEqual([]);
    expect(recordPasses(p0, start, { sim: 101, wall: 2 })).toBe(p0);
    const solved = applyChanges(lab.start, lab.steps[0].solution ?? []);
    if (!solved.ok) throw new Error(solved.error);
    const p1 = recordPasses(p0, evaluateLab(lab, solved.doc), { sim: 200, wall: 3 });
    expect(p1[checkKey(lab.steps[0].id, 0)]).toEqual({ sim: 200, wall: 3 });
    const p2 = recordPasses(p1, evaluateLab(lab, solved.doc), { sim: 300, wall: 4 });
    expect(p2).toBe(p1);
  });

  it('saves and restores progress; clears it; malformed saves read as none', () => {
    const s = memoryStore();
    const p: SavedProgress = { labId: lab.id, title: lab.title, source: { kind: 'builtin', id: lab.id }, step: 2, passed: { 'a#0': { sim: 1, wall: 2 } }, hints: { a: 1 } };
    expect(saveProgress(s, p)).toBeNull();
    expect(loadProgress(s)).toEqual(p);
    clearProgress(s);
    expect(loadProgress(s)).toBeNull();
    for (const bad of ['{', '[]', '{"labId":1}', JSON.stringify({ ...p, step: -1 }), JSON.stringify({ ...p, source: { kind: 'evil' } })]) {
      s.m.set(PROGRESS_KEY, bad);
      expect(loadProgress(s)).toBeNull();
    }
    s.m.set(PROGRESS_KEY, JSON.stringify({ ...p, passed: { ok: { sim: 1, wall: 1 }, bad: { sim: 'x' } }, hints: { a: -1, b: 2 } }));
    expect(loadProgress(s)).toMatchObject({ passed: { ok: { sim: 1, wall: 1 } }, hints: { b: 2 } });
  });

  it('reports a storage failure as a message', () => {
    const full = { getItem: () => null, removeItem: () => undefined, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(saveProgress(full, { labId: 'x', title: 'x', source: { kind: 'builtin', id: 'x' }, step: 0, passed: {}, hints: {} })).toMatch(/could not be saved/);
  });
});

describe('history checks', () => {
  it('keeps a flow-log check passed once it passed, but network checks stay live', async () => {
    const { keepHistory } = await import('../../../src/ui/labs/progress.ts');
    const live = evaluateLab(lab, lab.start);
    const ping = lab.steps.findIndex((s) => s.id === 'ping-fails');
    const role = 0;
    const passed = { [checkKey(lab.steps[ping].id, 0)]: { sim: 1, wall: 1 }, [checkKey(lab.steps[role].id, 0)]: { sim: 1, wall: 1 } };
    const shown = keepHistory(lab, live, passed);
    expect(shown.steps[ping].complete).toBe(true);
    expect(shown.steps[role].complete).toBe(false);
    expect(shown.current).toBe(0);
    expect(keepHistory(lab, live, {})).toBe(live);
  });
});
