import { describe, expect, it } from 'vitest';
import { createStore, runQuery } from '../../../src/engine/insights/index.ts';
import { generateFlowRecords } from './generate-records.ts';

describe('cancellation', () => {
  const store = createStore({ capacity: 300_000 });
  generateFlowRecords(300_000, { seed: 9 }, (r) => store.append(r));

  it('polls shouldCancel every N rows and stops a long query', () => {
    let polls = 0;
    const r = runQuery(store, 'stats sum(bytes) by srcAddr, dstAddr', { shouldCancel: () => ++polls >= 3, cancelCheckRows: 65_536 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.cancelled).toBe(true);
    expect(!r.ok && r.error.message).toBe('cancelled');
    expect(polls).toBe(3);
  });

  it('is polled about once per cancelCheckRows rows when never cancelling', () => {
    let polls = 0;
    const r = runQuery(store, 'filter action = "REJECT" | stats count(*) by dstPort', { shouldCancel: () => { polls++; return false; }, cancelCheckRows: 65_536 });
    expect(r.ok).toBe(true);
    expect(polls).toBeGreaterThanOrEqual(Math.floor(300_000 / 65_536));
    expect(polls).toBeLessThan(20);
  });

  it('can cancel while materialising and sorting events', () => {
    let polls = 0;
    const r = runQuery(store, 'fields bytes | sort bytes desc', { shouldCancel: () => ++polls > 2, cancelCheckRows: 50_000 });
    expect(!r.ok && r.cancelled).toBe(true);
  });

  it('runs to completion with the same result when not cancelled', () => {
    const a = runQuery(store, 'stats count(*) as n by action', { shouldCancel: () => false });
    const b = runQuery(store, 'stats count(*) as n by action');
    expect(a).toEqual(b);
    expect(a.ok && a.rows.reduce((s, r) => s + (r[1] as number), 0)).toBe(300_000);
  });
});
