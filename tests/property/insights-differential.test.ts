// Differential test: random queries from the grammar over random records, run by the engine and
// by a deliberately simple row-at-a-time reference interpreter; the results must agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStore, parseQuery, runQuery, type InsightsRecord, type Value } from '../../src/engine/insights/index.ts';
import { referenceRun } from '../unit/insights/reference-evaluator.ts';

const ADDRS = ['10.0.1.5', '10.0.1.10', '10.0.2.7', '172.16.0.9', '203.0.113.12', '10.0.1.100'];
const PORTS = [0, 22, 53, 80, 443, 3389, 8080];

const recordArb: fc.Arbitrary<InsightsRecord> = fc
  .record({
    nodata: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
    eni: fc.constantFrom('eni-a', 'eni-b', 'eni-c'),
    src: fc.constantFrom(...ADDRS),
    dst: fc.constantFrom(...ADDRS),
    srcPort: fc.constantFrom(...PORTS, 40000, 51515),
    dstPort: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...PORTS) }, { weight: 1, arbitrary: fc.constant('http') }),
    protocol: fc.constantFrom(1, 6, 17),
    packets: fc.integer({ min: 1, max: 50 }),
    bytes: fc.integer({ min: 40, max: 90000 }),
    start: fc.option(fc.integer({ min: 1_700_000_000, max: 1_700_020_000 }), { freq: 12 }),
    action: fc.constantFrom('ACCEPT', 'REJECT'),
    status: fc.constantFrom('OK', 'OK', 'OK', 'SKIPDATA'),
    note: fc.option(fc.oneof(fc.constantFrom('a', 'b', '10', '9'), fc.integer({ min: 0, max: 3 }))),
  })
  .map((r) => {
    const rec: InsightsRecord = {
      version: 2, accountId: '123456789012', interfaceId: r.eni,
      srcAddr: r.nodata ? null : r.src, dstAddr: r.nodata ? null : r.dst,
      srcPort: r.nodata ? null : r.srcPort, dstPort: r.nodata ? null : r.dstPort,
      protocol: r.nodata ? null : r.protocol, packets: r.nodata ? null : r.packets, bytes: r.nodata ? null : r.bytes,
      start: r.start, end: r.start === null ? null : r.start + 30,
      action: r.nodata ? null : r.action, logStatus: r.nodata ? 'NODATA' : r.status,
      note: r.note,
    };
    rec['@message'] = `${r.eni} ${r.src} ${r.dst} ${r.bytes}`;
    return rec;
  });

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const literalFor: Record<string, fc.Arbitrary<string>> = {
  action: pick('"ACCEPT"', '"REJECT"', "'ACCEPT'"),
  logStatus: pick('"OK"', '"NODATA"', '"SKIPDATA"'),
  srcAddr: pick(...ADDRS.map((a) => `"${a}"`)),
  dstAddr: pick(...ADDRS.map((a) => `"${a}"`)),
  dstPort: pick('22', '443', '80', '"22"', '1000', '"http"'),
  srcPort: pick('22', '40000', '1024'),
  protocol: pick('6', '17', '1'),
  bytes: pick('100', '5000', '45000', '"5000"'),
  packets: pick('10', '25'),
  interfaceId: pick('"eni-a"', '"eni-b"'),
  note: pick('"a"', '"10"', '9', '2'),
};
const FIELDS = Object.keys(literalFor);

const atom: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(pick(...FIELDS), pick('=', '!=', '<', '<=', '>', '>=')).chain(([f, op]) => literalFor[f].map((lit) => `${f} ${op} ${lit}`)) },
  fc.tuple(pick(...FIELDS), pick('=', '<')).chain(([f, op]) => literalFor[f].map((lit) => `${lit} ${op} ${f}`)),
  fc.tuple(pick(...FIELDS), fc.boolean()).chain(([f, neg]) => fc.array(literalFor[f], { minLength: 1, maxLength: 3 }).map((ls) => `${f} ${neg ? 'not in' : 'in'} [${ls.join(', ')}]`)),
  fc.tuple(pick('srcAddr', 'dstAddr', 'interfaceId', 'action', '@message', 'note', 'dstPort'), pick('"10.0.1"', '"eni-"', '"CC"', '"1"', '/^10\\./', '/\\.5$/', '/(?i)accept/', '/^4/'), fc.boolean())
    .map(([f, p, neg]) => `${f} ${neg ? 'not like' : 'like'} ${p}`),
  pick('isIpv4InSubnet(srcAddr, "10.0.1.0/24")', 'isIpv4InSubnet(dstAddr, "10.0.0.0/16")', 'ispresent(srcAddr)', 'isempty(note)',
    'bytes / packets > 1000', 'bytes - packets * 40 >= 2000', 'strlen(interfaceId) = 5', 'tolower(action) = "reject"',
    'concat(action, "-", logStatus) = "ACCEPT-OK"', 'abs(srcPort - dstPort) < 100', 'substr(srcAddr, 0, 4) = "10.0"', 'bytes % 7 = 0'),
);
const cond: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: atom },
  fc.tuple(atom, pick('and', 'or', 'AND'), atom).map(([a, op, c]) => `${a} ${op} ${c}`),
  fc.tuple(atom, atom, atom).map(([a, c, d]) => `(${a} or ${c}) and not ${d}`),
  atom.map((a) => `not (${a})`),
);

const AGGS = ['count(*)', 'count()', 'count(srcAddr)', 'count(note)', 'sum(bytes)', 'avg(packets)', 'min(bytes)', 'max(dstPort)', 'count_distinct(srcAddr)',
  'count_distinct(note)', 'pct(bytes, 50)', 'pct(bytes, 90)', 'min(srcAddr)', 'max(action)', 'sum(note)', 'max(note)', 'sum(bytes) / count(*)'];
const KEYS = ['action', 'srcAddr', 'dstPort', 'protocol', 'bin(5m)', 'bin(1h)', 'logStatus', 'note', 'interfaceId'];

const statsArb = fc.record({
  aggs: fc.uniqueArray(pick(...AGGS), { minLength: 1, maxLength: 3 }),
  keys: fc.uniqueArray(pick(...KEYS), { minLength: 0, maxLength: 2 }),
  sortOn: fc.nat(),
  desc: pick(' desc', ' asc', ''),
  limit: fc.option(fc.integer({ min: 1, max: 8 })),
  second: fc.boolean(),
});

const statsQuery = fc.tuple(fc.option(cond), statsArb).map(([c, s]) => {
  const items = s.aggs.map((a, k) => `${a} as c${k}`);
  const by = s.keys.length ? ` by ${s.keys.join(', ')}` : '';
  const parts = [`stats ${items.join(', ')}${by}`];
  if (c) parts.unshift(`filter ${c}`);
  if (s.second) {
    parts.push('filter c0 > 0', `stats count(*) as groups, sum(c0) as total, max(c0) as top${s.keys[0] && !s.keys[0].startsWith('bin') ? ` by ${s.keys[0]}` : ''}`);
    parts.push('sort total desc');
  } else {
    const cols = [...s.keys, ...s.aggs.map((_a, k) => `c${k}`)];
    parts.push(`sort ${cols[s.sortOn % cols.length]}${s.desc}`);
  }
  if (s.limit) parts.push(`limit ${s.limit}`);
  return parts.join(' | ');
});

const eventsQuery = fc.record({
  c: fc.option(cond),
  fields: fc.option(fc.uniqueArray(pick('@timestamp', 'srcAddr', 'dstPort', 'bytes', 'action', 'note', 'bytes * 2 as doubled', 'concat(srcAddr, ":", dstPort) as pair'), { minLength: 1, maxLength: 4 })),
  sort: fc.option(fc.tuple(pick('bytes', 'srcAddr', '@timestamp', 'action', 'dstPort', 'note'), pick(' asc', ' desc', ''))),
  dedup: fc.option(fc.uniqueArray(pick('srcAddr', 'dstAddr', 'action'), { minLength: 1, maxLength: 2 })),
  limit: fc.option(fc.integer({ min: 1, max: 10 })),
}).map((q) => {
  const parts: string[] = [];
  if (q.fields) parts.push(`fields ${q.fields.join(', ')}`);
  if (q.c) parts.push(`filter ${q.c}`);
  if (q.sort) parts.push(`sort ${q.sort[0]}${q.sort[1]}`);
  if (q.dedup) parts.push(`dedup ${q.dedup.join(', ')}`);
  if (q.limit) parts.push(`limit ${q.limit}`);
  return parts.length ? parts.join(' | ') : 'filter ispresent(@message)';
});

function close(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

function agree(query: string, records: InsightsRecord[], shuffle: number[], range: { start?: number; end?: number }): void {
  const ordered = shuffle.length ? shuffle.map((k) => records[k % records.length]).filter((_r, k) => k < records.length) : records;
  const input = records.length ? ordered : records;
  const recs = input.map((r) => ({ ...r, ...(typeof r.start === 'number' ? { '@timestamp': r.start * 1000 } : {}) }));
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(`generated an invalid query: ${query}: ${parsed.error.message}`);
  const ours = runQuery(buildStore(input), parsed.query, range);
  if (!ours.ok) throw new Error(`engine failed on ${query}: ${ours.error.message}`);
  const ref = referenceRun(recs, parsed.query.commands, range, query);
  expect(ours.columns).toEqual(ref.columns);
  expect(ours.rows.length, query).toBe(ref.rows.length);
  ours.rows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (!close(v, ref.rows[i][j])) expect({ query, row: i, column: ours.columns[j], ours: v }).toEqual({ query, row: i, column: ours.columns[j], ours: ref.rows[i][j] });
    });
  });
}

const rangeArb = fc.option(fc.record({ start: fc.integer({ min: 1_700_000_000_000, max: 1_700_010_000_000 }), span: fc.integer({ min: 0, max: 15_000_000 }) }), { freq: 3 })
  .map((r) => (r ? { start: r.start, end: r.start + r.span } : {}));

describe('engine vs reference interpreter', () => {
  it('agrees on random stats queries', () => {
    fc.assert(
      fc.property(statsQuery, fc.array(recordArb, { maxLength: 40, size: 'large' }), fc.array(fc.nat(), { maxLength: 40 }), rangeArb, (q, recs, shuffle, range) => {
        agree(q, recs, shuffle, range);
      }),
      { seed: 20240601, numRuns: 250 },
    );
  });

  it('agrees on random event queries (filter, fields, sort, dedup, limit)', () => {
    fc.assert(
      fc.property(eventsQuery, fc.array(recordArb, { maxLength: 40, size: 'large' }), fc.array(fc.nat(), { maxLength: 40 }), rangeArb, (q, recs, shuffle, range) => {
        agree(q, recs, shuffle, range);
      }),
      { seed: 7, numRuns: 250 },
    );
  });
});
