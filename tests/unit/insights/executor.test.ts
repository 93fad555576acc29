import { describe, expect, it } from 'vitest';
import { buildStore, createStore, runQuery, type InsightsRecord, type QueryResult } from '../../../src/engine/insights/index.ts';
import { fixtureRecords } from './fixtures.ts';

const store = buildStore(fixtureRecords());
const run = (q: string, s = store, o = {}): Extract<QueryResult, { ok: true }> => {
  const r = runQuery(s, q, o);
  if (!r.ok) throw new Error(`${q}: ${r.error.message}`);
  return r;
};
const column = (r: { columns: string[]; rows: unknown[][] }, name: string): unknown[] => r.rows.map((row) => row[r.columns.indexOf(name)]);

describe('events (no stats)', () => {
  it('shows @timestamp and @message, newest first, when no fields are chosen', () => {
    const r = run('filter action = "REJECT"');
    expect(r.columns).toEqual(['@timestamp', '@message']);
    expect(column(r, '@timestamp')).toEqual(['2023-11-14 22:20:20.000', '2023-11-14 22:20:20.000', '2023-11-14 22:19:20.000', '2015-05-29 16:31:34.000', '2014-12-14 04:06:50.000']);
    // Equal timestamps: the later-stored event first.
    expect(String(r.rows[0][1])).toContain('198.51.100.8');
    expect(r.stats).toEqual({ recordsScanned: 18, recordsMatched: 5 });
  });

  it('keeps fields in the order given, with computed fields and aliases', () => {
    const r = run('fields srcAddr, bytes / packets as perPacket, concat(srcAddr, ":", srcPort) | filter protocol = 17 | sort perPacket asc');
    expect(r.columns).toEqual(['srcAddr', 'perPacket', 'concat(srcAddr, ":", srcPort)']);
    expect(r.rows).toEqual([['10.0.1.10', 72, '10.0.1.10:53000'], ['192.0.2.99', 76, '192.0.2.99:123']]);
  });

  it('treats `-` as null: comparisons with null never match, not even !=', () => {
    expect(run('filter srcAddr != "1.2.3.4" | stats count(*) as n').rows).toEqual([[15]]);
    expect(run('filter not (srcAddr = "1.2.3.4") | stats count(*) as n').rows).toEqual([[18]]);
    expect(run('filter ispresent(srcAddr) | stats count(*) as n').rows).toEqual([[15]]);
    expect(run('filter isempty(srcAddr) | stats count(*) as n').rows).toEqual([[3]]);
  });

  it('compares numbers loosely with numeric text, and text as text', () => {
    expect(run('filter dstPort = "22" | stats count(*) as n').rows).toEqual([[3]]);
    expect(run('filter dstPort in [22, "3389"] | stats count(*) as n').rows).toEqual([[5]]);
    expect(run('filter srcAddr > "200" | stats count(*) as n').rows).toEqual([[1]]);
  });

  it('like "text" is a case-sensitive substring test, like /re/ a regex search', () => {
    expect(run('filter interfaceId like "0a1b" | stats count(*) as n').rows).toEqual([[11]]);
    expect(run('filter action like "reject" | stats count(*) as n').rows).toEqual([[0]]);
    expect(run('filter action like /(?i)reject/ | stats count(*) as n').rows).toEqual([[5]]);
    expect(run('filter srcAddr =~ /^10\\./ and srcAddr not like "10.0.2" | stats count(*) as n').rows).toEqual([[4]]);
  });

  it('matches subnets with isIpv4InSubnet and isIpInSubnet', () => {
    expect(run('filter isIpv4InSubnet(srcAddr, "172.31.0.0/16") | stats count(*) as n').rows).toEqual([[3]]);
    expect(run('filter isIpInSubnet(dstAddr, "10.0.0.0/22") | stats count(*) as n').rows).toEqual([[10]]);
    expect(run('filter isIpv4InSubnet(srcAddr, "10.0.1.77/24") | stats count(*) as n').rows).toEqual([[3]]);
  });

  it('evaluates arithmetic, with null for non-numbers and division by zero', () => {
    const r = run('fields bytes * 2 + 1 as a, bytes / 0 as b, action + 1 as c, 2 ^ 10 as d, 10 % 3 as e, -bytes as f | filter protocol = 1 | limit 1');
    expect(r.rows).toEqual([[673, null, null, 1024, 1, -336]]);
  });

  it('runs string and number functions', () => {
    const r = run('fields strlen(interfaceId) as a, toupper("x") as b, tolower(action) as c, substr("xyZfooxyZ", 3, 3) as d, trim("  x ") as e, ltrim("xyZfoo", "xyZ") as f, replace(srcAddr, ".", "-") as g, abs(-2.5) as h, floor(2.7) as i, ceil(2.1) as j, strcontains(srcAddr, "10.") as k, coalesce(srcAddr, "none") as l | filter protocol = 17 and dstPort = 53');
    expect(r.rows).toEqual([[21, 'X', 'accept', 'foo', 'x', 'foo', '10-0-1-10', 2.5, 2, 3, 1, '10.0.1.10']]);
  });

  it('handles dates: fromMillis, toMillis, datefloor, dateceil', () => {
    const r = run('fields toMillis(@timestamp) as ms, datefloor(@timestamp, 1h) as h, dateceil(@timestamp, 1d) as d, fromMillis(0) as z | filter protocol = 17 and dstPort = 53');
    expect(r.rows).toEqual([[1700000500000, '2023-11-14 22:00:00.000', '2023-11-15 00:00:00.000', '1970-01-01 00:00:00.000']]);
  });

  it('parses fields out of @message with globs and named regex groups; non-matching rows give null', () => {
    const r = run('parse @message "* * eni-* * *" as v, acct, eni, src, rest | parse /(?<proto>\\d+) \\d+ \\d+ \\d+ \\d+ ACCEPT/ | fields eni, src, proto | filter ispresent(src) | sort src desc | limit 2');
    // Natural order: 203.0.113.12 > 198.51.100.8; the second row is a REJECT, so no proto.
    expect(r.rows).toEqual([['1235b8ca123456789', '203.0.113.12', '1'], ['0a1b2c3d4e5f60001', '198.51.100.8', null]]);
    const none = run('parse @message "no * such" as x | stats count(x) as n');
    expect(none.rows).toEqual([[0]]);
  });

  it('sorts strings before numbers ascending, IP text in natural order, nulls last both ways', () => {
    const s = buildStore([{ v: 10 }, { v: 'b' }, { v: null }, { v: 9 }, { v: 'a10' }, { v: 'a9' }].map((r, k) => ({ ...r, start: k })));
    expect(run('fields v | sort v asc', s).rows.flat()).toEqual(['a9', 'a10', 'b', 9, 10, null]);
    expect(run('fields v | sort v desc', s).rows.flat()).toEqual([10, 9, 'b', 'a10', 'a9', null]);
    expect(run('stats count(*) by srcAddr | sort srcAddr asc | limit 4').rows.map((r) => r[0])).toEqual(['10.0.1.10', '10.0.2.20', '10.0.3.30', '172.31.9.69']);
  });

  it('dedup keeps the first row per key in sort order, and rows with a null key', () => {
    const r = run('fields srcAddr, dstPort | sort @timestamp desc | dedup srcAddr');
    // Equal timestamps keep the newest-first order (later-stored first).
    expect(column(r, 'srcAddr')).toEqual(['192.0.2.99', '10.0.3.30', '192.0.2.15', '10.0.1.10', '198.51.100.8', '198.51.100.7', '10.0.2.20', '172.31.16.139', '203.0.113.12', null, null, null, '172.31.9.69']);
  });

  it('limits events, after the default newest-first order', () => {
    expect(run('fields dstPort | limit 2').rows).toEqual([[123], [44000]]);
    expect(run('fields dstPort | sort @timestamp desc | limit 2').rows).toEqual([[123], [44000]]);
  });

  it('display picks and computes the output columns', () => {
    const r = run('fields srcAddr, dstAddr | filter protocol = 17 | display dstAddr, dstPort = 53 as isDns');
    expect(r.columns).toEqual(['dstAddr', 'isDns']);
    expect(r.rows).toEqual([['10.0.3.30', 0], ['10.0.0.2', 1]]);
  });

  it('reads unknown fields as null rather than failing', () => {
    expect(run('fields nosuch | limit 1').rows).toEqual([[null]]);
  });
});

describe('stats', () => {
  it('puts group keys first, names columns as written, groups in order of first appearance', () => {
    const r = run('filter action = "REJECT" | stats count(*), sum(bytes) by srcAddr');
    expect(r.columns).toEqual(['srcAddr', 'count(*)', 'sum(bytes)']);
    expect(r.rows).toEqual([['172.31.9.69', 1, 4249], ['172.31.16.139', 1, 336], ['198.51.100.7', 2, 360], ['198.51.100.8', 1, 120]]);
  });

  it('computes every aggregate', () => {
    const r = run('filter srcAddr = "10.0.2.20" or srcAddr = "10.0.1.10" | stats count(*) as n, count(dstAddr) as nd, count_distinct(dstAddr) as cd, sum(bytes) as s, avg(bytes) as a, min(bytes) as mn, max(bytes) as mx, pct(bytes, 50) as p50, pct(bytes, 100) as p100, stddev(packets) as sd, earliest(srcPort) as first, latest(srcPort) as last, min(srcAddr) as ms by srcAddr');
    expect(r.columns.slice(1)).toEqual(['n', 'nd', 'cd', 's', 'a', 'mn', 'mx', 'p50', 'p100', 'sd', 'first', 'last', 'ms']);
    const sd1 = Math.sqrt(((10 - 23 / 3) ** 2 + (12 - 23 / 3) ** 2 + (1 - 23 / 3) ** 2) / 2);
    expect(r.rows[0][10]).toBeCloseTo(sd1, 12);
    expect(r.rows[0]).toEqual(['10.0.1.10', 3, 3, 2, 2772, 924, 72, 1500, 1200, 1500, r.rows[0][10], 49152, 53000, '10.0.1.10']);
    expect(r.rows[1]).toEqual(['10.0.2.20', 2, 2, 1, 200000, 100000, 96000, 104000, 96000, 104000, Math.SQRT1_2, 5432, 5432, '10.0.2.20']);
  });

  it('returns one row for stats without by, even over no events', () => {
    expect(run('filter action = "NOPE" | stats count(*) as n, sum(bytes) as s, count_distinct(srcAddr) as d').rows).toEqual([[0, null, 0]]);
    expect(run('filter action = "NOPE" | stats count(*) by srcAddr').rows).toEqual([]);
  });

  it('groups null keys together (NODATA and SKIPDATA records have no addresses)', () => {
    expect(run('stats count(*) as n by srcAddr | filter not ispresent(srcAddr)').rows).toEqual([[null, 3]]);
  });

  it('bins @timestamp and shows bins as timestamps', () => {
    const r = run('filter logStatus = "SKIPDATA" | stats count(*) by bin(1h) as t | sort t');
    expect(r.rows).toEqual([['2015-05-10 19:00:00.000', 1], ['2015-05-10 18:00:00.000', 1]]);
    const raw = runQuery(store, 'filter logStatus = "SKIPDATA" | stats count(*) by bin(1h) as t | sort t', { rawTimestamps: true });
    expect(raw.ok && raw.rows.map((x) => x[0])).toEqual([1431284400000, 1431280800000]);
  });

  it('supports week, month, quarter and year bins on calendar boundaries (UTC, weeks from Monday)', () => {
    const r = run('filter srcAddr = "10.0.3.30" | stats count(*) by bin(1w) as w, bin(1mo) as mo, bin(1q) as q, bin(1y) as y');
    expect(r.rows).toEqual([['2023-11-13 00:00:00.000', '2023-11-01 00:00:00.000', '2023-10-01 00:00:00.000', '2023-01-01 00:00:00.000', 1]]);
  });

  it('applies CloudWatch\'s cap on bin amounts and warns', () => {
    const r = run('stats count(*) by bin(300s) as t | limit 1');
    expect(r.warnings[0].message).toContain('caps s at 60');
    expect(String(r.rows[0][0]).endsWith(':00.000')).toBe(true);
  });

  it('allows arithmetic over aggregates and references to earlier stats columns', () => {
    const r = run('filter action = "ACCEPT" | stats sum(bytes) / count(*) as avgBytes, max(bytes) as mx, mx - avgBytes as spread by protocol');
    expect(r.rows).toEqual([[6, 568949 / 7, 310000, 310000 - 568949 / 7], [1, 336, 336, 0], [17, 74, 76, 2]]);
  });

  it('refuses fields that are neither aggregated nor grouped', () => {
    const r = runQuery(store, 'stats count(*) as n, srcAddr by dstAddr');
    expect(!r.ok && [r.error.code, r.error.message, r.error.column]).toEqual(['misplaced-aggregate', '"srcAddr" must be inside an aggregate such as count(srcAddr) or listed after by', 22]);
  });

  it('runs a second stats over the first one\'s results', () => {
    const r = run('stats count(*) as flows, sum(bytes) as b by srcAddr, dstAddr | stats count(*) as pairs, max(b) as top, sum(flows) as total');
    expect(r.rows).toEqual([[13, 310000, 18]]);
  });

  it('only lets the fields of the first stats be referenced after it', () => {
    const r = runQuery(store, 'stats count(*) as n by srcAddr | filter bytes > 1');
    expect(!r.ok && [r.error.code, r.error.message, r.error.column]).toEqual(['unknown-field', '"bytes" is not available after stats: use "srcAddr", "n"', 41]);
    const binAfter = runQuery(store, 'stats count(*) as n by srcAddr | stats sum(n) by bin(5m)');
    expect(!binAfter.ok && binAfter.error.code).toBe('unknown-field');
  });

  it('filters, sorts, limits and computes over the stats table', () => {
    const r = run('stats count(*) as n by dstPort | filter n > 1 | fields n * 10 as tens | sort n desc, dstPort asc | limit 3');
    expect(r.rows).toEqual([[22, 3, 30], [null, 3, 30], [0, 2, 20]]);
    expect(run('stats count(*) by bin(5m) | sort bin(5m) asc | limit 1').rows).toEqual([['2014-12-14 04:05:00.000', 2]]);
  });

  it('keeps groups of high-cardinality keys apart (hash-table path)', () => {
    const s = createStore();
    for (let k = 0; k < 3000; k++) s.append({ srcAddr: `10.0.${k >> 8}.${k & 255}`, dstAddr: `10.1.${k % 7}.${k % 2000}`, bytes: k, start: k });
    const r = run('stats sum(bytes) as b, count(*) as n by srcAddr, dstAddr | stats count(*) as groups, sum(n) as rows, sum(b) as total', s);
    expect(r.rows).toEqual([[3000, 3000, (2999 * 3000) / 2]]);
  });
});

describe('time range and counters', () => {
  it('restricts to an inclusive @timestamp range, by binary search or by scanning', () => {
    const start = 1700000300000;
    const end = 1700000420000;
    const sorted = run('stats count(*) as n', store, { start, end });
    expect(sorted.rows).toEqual([[5]]);
    expect(sorted.stats.recordsScanned).toBe(5);
    const shuffled = buildStore([...fixtureRecords()].reverse());
    const r = run('stats count(*) as n', shuffled, { start, end });
    expect(r.rows).toEqual([[5]]);
    expect(r.stats.recordsScanned).toBe(5);
    expect(run('filter action = "REJECT" | stats count(*) as n', shuffled, { start }).stats).toEqual({ recordsScanned: 9, recordsMatched: 3 });
  });

  it('limits results to 10,000 rows by default, more with an explicit limit', () => {
    const s = createStore();
    for (let k = 0; k < 12_000; k++) s.append({ n: k, start: k });
    expect(run('fields n', s).rows.length).toBe(10_000);
    expect(run('fields n | limit 11000', s).rows.length).toBe(11_000);
    expect(run('stats count(*) by n', s).rows.length).toBe(10_000);
    expect(run('fields n | sort n asc', s).rows.slice(0, 2)).toEqual([[0], [1]]);
  });
});

describe('the store', () => {
  it('accepts format names and Insights names, `-` as null, and derives @timestamp and @logStream', () => {
    const s = createStore();
    const rec: InsightsRecord = { 'account-id': '000011112222', srcaddr: '10.0.0.1', 'log-status': 'OK', 'interface-id': 'eni-1', start: '1700000000', bytes: '-', pkt_srcaddr: '1.2.3.4' };
    s.append(rec);
    const r = run('fields @timestamp, @logStream, accountId, srcAddr, logStatus, start, bytes, pktSrcAddr, @message', s);
    expect(r.rows).toEqual([['2023-11-14 22:13:20.000', 'eni-1-all', '000011112222', '10.0.0.1', 'OK', 1700000000, null, '1.2.3.4', '000011112222 eni-1 10.0.0.1 1700000000 OK 1.2.3.4']]);
    expect(s.fieldNames()).toEqual(['@timestamp', '@message', '@logStream', 'accountId', 'interfaceId', 'srcAddr', 'start', 'logStatus', 'pktSrcAddr']);
  });

  it('turns a numeric column into a text one when text shows up', () => {
    const s = buildStore([{ x: 1, start: 1 }, { x: 'two', start: 2 }, { x: 3, start: 3 }]);
    expect(run('fields x | sort x asc', s).rows.flat()).toEqual(['two', 1, 3]);
    // Non-numeric text against a number compares as text ("two" > "1").
    expect(run('filter x > 1 | fields x', s).rows.flat()).toEqual([3, 'two']);
    expect(run('stats sum(x) as s', s).rows).toEqual([[4]]);
  });

  it('grows past its initial capacity', () => {
    const s = createStore({ capacity: 4 });
    for (let k = 0; k < 100; k++) s.append({ action: k % 3 ? 'ACCEPT' : 'REJECT', bytes: k, start: k });
    expect(run('stats count(*) as n, sum(bytes) as b by action', s).rows).toEqual([['REJECT', 34, 1683], ['ACCEPT', 66, 3267]]);
  });
});

describe('CloudWatch documentation examples', () => {
  it('runs the two-stats examples of the stats page', () => {
    const a = run('FIELDS strlen(@message) AS message_length\n| STATS sum(message_length)/1024/1024 as logs_mb BY bin(5m)\n| STATS max(logs_mb) AS peak_ingest_mb, min(logs_mb) AS min_ingest_mb, avg(logs_mb) AS avg_ingest_mb');
    expect(a.columns).toEqual(['peak_ingest_mb', 'min_ingest_mb', 'avg_ingest_mb']);
    expect(a.rows.length).toBe(1);
    const b = run('FIELDS strlen(@message) AS message_length\n | STATS sum(message_length) AS ingested_bytes, max(@timestamp) as @t BY @logStream\n | STATS avg(ingested_bytes) BY dateceil(@t, 5m)');
    expect(b.columns).toEqual(['dateceil(@t, 5m)', 'avg(ingested_bytes)']);
    // Streams' latest events ceil to 16:35, 19:05, 22:25 (two streams), 22:20 (22:18:20).
    expect(b.rows.map((r) => r[0])).toEqual(['2015-05-29 16:35:00.000', '2015-05-10 19:05:00.000', '2023-11-14 22:25:00.000', '2023-11-14 22:20:00.000']);
  });

  it('parses with a regex named group, as in the parse page', () => {
    const r = run('parse @message /(?<NetworkInterface>eni-.*?) / | display NetworkInterface, @message | limit 1');
    expect(r.rows[0][0]).toBe('eni-0a1b2c3d4e5f60003');
  });
});
