// The executor's fast paths (dictionary-code group keys, the int32/float64/text group indexes,
// count lanes, bin() bucket reuse, top-k sorting, the newest-first ring buffer) checked against
// the row-at-a-time reference interpreter on data shaped to reach each path: nulls and missing
// fields in keys, key spaces beyond the dense and int32 limits, batches past 4096 rows, ties.
import { describe, expect, it } from 'vitest';
import { buildStore, parseQuery, runQuery, type InsightsRecord } from '../../../src/engine/insights/index.ts';
import { referenceRun } from './reference-evaluator.ts';
import { prng } from './generate-records.ts';

function agree(records: InsightsRecord[], query: string): void {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const ours = runQuery(buildStore(records), parsed.query);
  if (!ours.ok) throw new Error(`${query}: ${ours.error.message}`);
  const recs = records.map((r) => ({ ...r, ...(typeof r.start === 'number' ? { '@timestamp': r.start * 1000 } : {}) }));
  const ref = referenceRun(recs, parsed.query.commands, {}, query);
  expect(ours.columns, query).toEqual(ref.columns);
  expect(ours.rows, query).toEqual(ref.rows);
}

/** `count` records; field values drawn from `distinct` choices, some null and some missing. */
function records(count: number, distinct: Record<string, number>, seed = 1, sortedTime = true, skew = true): InsightsRecord[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_x, k) => {
    const r: InsightsRecord = { start: sortedTime ? 1_700_000_000 + Math.floor(k / 7) : 1_700_000_000 + Math.floor(rnd() * 5000) };
    for (const [name, n] of Object.entries(distinct)) {
      const p = rnd();
      if (p < 0.05) continue; // missing
      r[name] = p < 0.1 ? null : name.endsWith('Port') ? Math.floor(rnd() * n) : `${name}-${Math.floor((skew ? rnd() : 1) * rnd() * n)}`;
    }
    r.bytes = Math.floor(rnd() * 1000);
    return r;
  });
}

describe('group-by fast paths agree with the reference', () => {
  it('one and two dictionary keys with null and missing values (dense index, fused codes)', () => {
    const recs = records(9000, { srcAddr: 40, dstAddr: 30, action: 3, dstPort: 50 });
    for (const q of [
      'stats count(*) by action',
      'stats count(*) as c, sum(bytes) as s by srcAddr, dstAddr',
      'stats avg(bytes), min(bytes), max(bytes) by srcAddr, dstAddr',
      'filter action = "action-1" | stats count(*) as c by dstPort | sort c desc | limit 5',
      'stats count(*) as c by dstPort, action | sort c desc, dstPort asc | limit 7',
      'stats sum(bytes) as s by srcAddr | sort s desc | limit 3',
    ]) agree(recs, q);
  });

  it('two dictionary keys beyond the dense limit (int32 hash table)', () => {
    const recs = records(12_000, { srcAddr: 2600, dstAddr: 2600 }, 2, true, false);
    const store = buildStore(recs);
    const card = (f: string): number => { const c = store.column(f); return c && c.kind === 'dict' ? c.values.length : 0; };
    expect(card('srcAddr') * card('dstAddr')).toBeGreaterThan(1 << 22);
    agree(recs, 'stats sum(bytes) as b by srcAddr, dstAddr | sort b desc | limit 10');
    agree(recs, 'stats count(*) as c, max(bytes) as m by srcAddr, dstAddr');
  });

  it('the fused two-key loop (pair-stats): null keys and values, filters, time ranges, empty input', () => {
    const recs = records(12_000, { srcAddr: 2600, dstAddr: 2600, action: 3 }, 11, true, false);
    // Fractional, negative, null and missing byte counts: avg/min/max must stay exact.
    recs.forEach((r, k) => { if (k % 97 === 0) r.bytes = null; else if (k % 89 === 0) delete r.bytes; else if (k % 5 === 0) r.bytes = (r.bytes as number) / 8 - 60; });
    for (const q of [
      'stats avg(bytes), min(bytes), max(bytes) by srcAddr, dstAddr',
      'stats sum(bytes) as b by srcAddr, dstAddr | sort b desc | limit 10',
      'stats count(bytes) as n, avg(bytes) as a by dstAddr, srcAddr | sort n desc, a asc | limit 50',
      'filter action = "action-1" | stats min(bytes), max(bytes) by srcAddr, dstAddr',
      'filter action = "no-such-action" | stats sum(bytes) by srcAddr, dstAddr',
      'stats sum(bytes), count(*) by srcAddr, dstAddr | limit 20',
    ]) agree(recs, q);
    // A time range scans a slice of the store (lo > 0), the same groups a filter on start finds.
    const parsed = parseQuery('stats sum(bytes) as b, max(bytes) as m by srcAddr, dstAddr');
    const filtered = parseQuery('filter @timestamp >= 1700000500000 and @timestamp <= 1700001200000 | stats sum(bytes) as b, max(bytes) as m by srcAddr, dstAddr');
    if (!parsed.ok || !filtered.ok) throw new Error('parse');
    const ranged = runQuery(buildStore(recs), parsed.query, { start: 1_700_000_500_000, end: 1_700_001_200_000 });
    const viaFilter = runQuery(buildStore(recs), filtered.query);
    if (!ranged.ok || !viaFilter.ok) throw new Error('run');
    expect(ranged.rows.length).toBeGreaterThan(1000);
    expect(ranged.rows).toEqual(viaFilter.rows);
    const empty = runQuery(buildStore(recs), parsed.query, { start: 0, end: 1 });
    expect(empty.ok && empty.rows).toEqual([]);
  });

  it('key spaces beyond 2^31 (float64 table) and beyond 2^53 (text keys)', () => {
    const recs = records(6000, { a: 1400, b: 1400, c: 1400, d: 1400, e: 1400, f: 1400 }, 3, true, false);
    agree(recs, 'stats count(*) as n by a, b, c');
    agree(recs, 'stats count(*) as n, sum(bytes) as s by a, b, c, d, e, f');
  });

  it('bins over repeated, unsorted and missing timestamps', () => {
    const sorted = records(10_000, { action: 2 }, 4);
    agree(sorted, 'stats count(*) by bin(5m)');
    agree(sorted, 'stats count(*), sum(bytes) by bin(1m), action');
    const unsorted = records(5000, { action: 2 }, 5, false);
    unsorted[17].start = null;
    delete unsorted[99].start;
    agree(unsorted, 'stats count(*) as n by bin(5m) | sort n desc | limit 4');
  });

  it('bin() group ids found once per run of equal timestamps (filtered, limited, huge ranges)', () => {
    const sorted = records(12_000, { action: 3, dstPort: 20 }, 9);
    sorted[5].start = null;
    delete sorted[6].start;
    sorted[4100].start = null; // a null inside a later batch, between equal timestamps
    agree(sorted, 'stats count(*) as n, sum(bytes) as s by bin(1m)');
    agree(sorted, 'filter dstPort < 7 | stats count(*), max(bytes) by bin(30s)');
    agree(sorted, 'stats count(*) by bin(5m) | limit 3');
    agree(records(4000, { action: 2 }, 10, false), 'stats avg(bytes) as a by bin(10s) | sort a desc | limit 5');
    // Beyond the bucket budget bin() keys go through the generic encoder.
    const wide = Array.from({ length: 3000 }, (_x, k) => ({ start: k % 2 ? k : 1_000_000_000 + k * 997, bytes: k }));
    agree(wide, 'stats count(*) as n, min(bytes) by bin(1s) | limit 50');
  });

  it('only the groups a following limit keeps are materialised, all are aggregated', () => {
    const recs = records(12_000, { srcAddr: 2600, dstAddr: 2600, action: 3 }, 11, true, false);
    for (const q of [
      'stats count(*) as c, sum(bytes) as s by srcAddr, dstAddr',
      'stats avg(bytes), min(bytes), max(bytes) by srcAddr, dstAddr | limit 7',
      'stats count(*) as c, sum(bytes) / count(*) as mean by srcAddr | fields c * 2 as c2 | limit 5',
      'stats count(*) as c by srcAddr, action | display c, srcAddr | limit 4',
      'stats count(*) as c by srcAddr | sort c desc | limit 3',
      'stats count(*) as c by srcAddr, dstAddr | stats count(*) as n by c',
      'stats count(*) as c by srcAddr | filter c > 3 | limit 2',
    ]) agree(recs, q);
    const r = runQuery(buildStore(recs), 'stats count(*) as c by srcAddr, dstAddr');
    expect(r.ok && r.rows.length).toBe(10_000); // more groups than the default limit

  });

  it('top-k keeps ties in order of first appearance', () => {
    const recs = records(5000, { srcAddr: 6, dstPort: 5 }, 6);
    agree(recs, 'stats count(*) as c by dstPort | sort c desc | limit 2');
    agree(recs, 'stats count(*) as c by srcAddr, dstPort | sort c asc | limit 3');
    const flat = Array.from({ length: 400 }, (_x, k) => ({ start: k, key: `k${k % 100}`, v: k % 3 }));
    agree(flat, 'stats count(*) as c by key | sort c desc | limit 5');
    agree(flat, 'stats max(v) as m by key | sort m desc | limit 5');
  });
});

describe('newest-first ring buffer', () => {
  const recs = records(20_000, { dstPort: 40, srcAddr: 10 }, 7);
  const matched = (q: string): number => {
    const r = runQuery(buildStore(recs), q);
    return r.ok ? r.stats.recordsMatched : -1;
  };

  it('gives the same rows as sorting, ties later-stored first', () => {
    for (const q of [
      'fields @timestamp, srcAddr | filter dstPort = 22 | sort @timestamp desc | limit 25',
      'fields @timestamp, srcAddr, dstPort | filter dstPort < 3 | limit 9',
      'fields @timestamp, srcAddr | sort @timestamp desc | limit 3',
      'fields srcAddr | filter dstPort = 22 | sort @timestamp desc | limit 100000',
      'fields srcAddr | filter dstPort = 12345 | sort @timestamp desc | limit 5',
      'fields srcAddr | filter srcAddr = "srcAddr-1" | limit 1',
    ]) agree(recs, q);
  });

  it('still counts every matching event', () => {
    const all = matched('filter dstPort = 22 | stats count(*)');
    expect(all).toBeGreaterThan(100);
    expect(matched('fields @timestamp | filter dstPort = 22 | sort @timestamp desc | limit 25')).toBe(all);
    expect(matched('filter dstPort = 22 | limit 5')).toBe(all);
  });

  it('leaves out-of-order stores to the full sort', () => {
    const shuffled = records(3000, { dstPort: 10 }, 8, false);
    agree(shuffled, 'fields @timestamp, dstPort | filter dstPort = 3 | sort @timestamp desc | limit 6');
    agree(shuffled, 'fields @timestamp | limit 4');
  });
});
