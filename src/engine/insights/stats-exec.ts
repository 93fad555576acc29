import type { Command, Expr } from './ast.ts';
import { countAcc, distinctAcc, extremeAcc, pctAcc, stddevAcc, sumAcc, timedAcc, type Accumulator } from './aggregates.ts';
import { walkExpr } from './check-pipeline.ts';
import { compileExpr } from './compile-expr.ts';
import type { CompileContext, Compiled } from './compiled.ts';
import { fail } from './errors.ts';
import { combinedKey, keyEncoder, type KeyEncoder } from './group-keys.ts';
import { pairStatsVisit } from './pair-stats.ts';
import { groupIndex, hashesInt32, type GroupIndex } from './group-index.ts';
import type { Value } from './types.ts';
import type { NumColumn } from './columns.ts';
import { NumericStats, type NumericKind } from './numeric-stats.ts';
import { BATCH, forEachBatch, type RowScan } from './row-scan.ts';
import { columnCompiled, type Table, type TableColumn } from './table.ts';

type Stats = Extract<Command, { kind: 'stats' }>;
type Call = Extract<Expr, { type: 'call' }>;

/**
 * Runs a `stats` command over the rows of a scan: encodes the `by` keys into one number per row,
 * finds the group ids a batch at a time (dense array or hash table, see `groupIndex`) and feeds
 * every aggregate with tight loops.
 * Groups come out in order of first appearance; only the first `keep` are materialised (the
 * rest cannot reach the output), though every group is aggregated.
 */
export function runStats(cmd: Stats, ctx: CompileContext, scan: RowScan, rowBound: number, keep = Infinity): { table: Table; matched: number } {
  const keys = cmd.by.map((b) => compileExpr(b.expr, ctx));
  const encoders = keys.map((k) => keyEncoder(k, rowBound));
  const group = combinedKey(encoders);
  const calls: Call[] = [];
  for (const item of cmd.items) walkExpr(item.expr, (x) => { if (x.type === 'call' && x.aggregate) calls.push(x); });
  const shared = new Map<NumColumn, NumericStats>();
  const views = new Set<Accumulator>();
  const accs = calls.map((c) => makeAccumulator(c, ctx, shared, views, group.card <= FEW_GROUPS));
  const times = calls.map((c) => resultIsTime(c, ctx));
  // What the scan feeds: each shared NumericStats once, plus every accumulator that is not a view.
  const feeders: Accumulator[] = [...shared.values(), ...accs.filter((a) => !views.has(a))];

  // Per group: its first row (text keys are read back from it) and its packed key. Storage
  // grows fourfold, so a hundred thousand groups copy and fault in fresh memory fewer times.
  let groups = 0;
  let firstRow = new Float64Array(16);
  let packedKey = new Float64Array(16);
  const newGroup = (row: number, key: number): number => {
    const g = groups++;
    if (g >= firstRow.length) {
      // Fourfold while small, then twofold: at 100k groups a fourfold step would allocate and
      // fill (NumericStats blanks min/max) 262k groups' worth of fresh memory for 86k used.
      const size = firstRow.length * (firstRow.length < 1 << 16 ? 4 : 2);
      firstRow = grown(firstRow, size);
      packedKey = grown(packedKey, size);
      for (const a of feeders) a.grow(size);
    }
    firstRow[g] = row;
    packedKey[g] = key;
    return g;
  };
  const pair = pairFusable(encoders, group.card, feeders, accs, views);
  // The fused pair loop keeps its own table: no need to allocate the general one.
  const index: GroupIndex = pair ? { kind: 'int', findBatch: () => {} } : groupIndex(group.card, newGroup);
  const gids = new Int32Array(BATCH);
  const feed = (sel: Int32Array, m: number): void => { for (const a of feeders) a.add(gids, sel, m); };
  let visit: (sel: Int32Array, m: number) => void;
  const codes = encoders.length === 1 ? encoders[0].codes : undefined;
  const runIds = encoders.length === 1 ? encoders[0].runIds : undefined;
  let ranged: ((sel: null, lo: number, m: number) => void) | undefined;
  if (pair) {
    const run = pairStatsVisit(pair.a, pair.b, encoders[1].card, pair.stats, newGroup, rowBound);
    visit = (sel, m) => run(sel, 0, m);
    if (scan.parts.length === 0 && !scan.selection) ranged = run;
  } else if (index.kind === 'int' && index.findOne && runIds) {
    const one = index.findOne;
    visit = (sel, m) => { runIds(sel, m, gids, one); feed(sel, m); };
  } else if (index.kind === 'int' && index.findCodes && codes) {
    const find = index.findCodes;
    visit = (sel, m) => { find(codes, sel, m, gids); feed(sel, m); };
  } else if (index.kind === 'int' && group.packInt) {
    const pack = group.packInt;
    const packed = new Int32Array(BATCH);
    visit = (sel, m) => { pack(sel, m, packed); index.findBatch(packed, sel, m, gids); feed(sel, m); };
  } else if (index.kind === 'float' && group.packFloat) {
    const pack = group.packFloat;
    const packed = new Float64Array(BATCH);
    visit = (sel, m) => { pack(sel, m, packed); index.findBatch(packed, sel, m, gids); feed(sel, m); };
  } else {
    const find = (index as Extract<GroupIndex, { kind: 'text' }>).find;
    visit = (sel, m) => { for (let k = 0; k < m; k++) gids[k] = find(group.text(sel[k]), sel[k]); feed(sel, m); };
  }
  const matched = ranged ? forEachRange(scan, ranged) : forEachBatch(scan, visit);
  if (cmd.by.length === 0 && groups === 0) newGroup(-1, 0);
  const shown = Math.min(keep, groups);
  const keyColumn = (k: number): Value[] => {
    if (index.kind !== 'text') return group.column(k, packedKey, shown);
    const get = keys[k].get;
    return Array.from(firstRow.subarray(0, shown), (r) => get(r));
  };
  return { table: buildTable(cmd, keys.map((k, j) => ({ time: k.time, values: keyColumn(j) })), shown, calls, accs, times), matched };
}

/**
 * The case `pairStatsVisit` serves: two dictionary keys hashed as int32 (beyond the dense
 * limit) and every aggregate a view of one NumericStats.
 */
function pairFusable(encoders: KeyEncoder[], card: number, feeders: Accumulator[], accs: Accumulator[], views: Set<Accumulator>) {
  if (encoders.length !== 2 || !hashesInt32(card)) return null;
  const a = encoders[0].codes;
  const b = encoders[1].codes;
  const stats = feeders[0];
  if (!a || !b || feeders.length !== 1 || !(stats instanceof NumericStats) || !accs.every((x) => views.has(x))) return null;
  return { a, b, stats };
}

/** An unfiltered scan in runs of BATCH rows (checkpoints as in forEachBatch); returns the rows. */
function forEachRange(scan: RowScan, run: (sel: null, lo: number, m: number) => void): number {
  const every = Math.max(1, Math.floor(scan.chunk / BATCH));
  let batches = 0;
  for (let base = scan.lo; base < scan.hi; base += BATCH) {
    if (batches++ % every === 0) scan.checkpoint();
    run(null, base, Math.min(scan.hi, base + BATCH) - base);
  }
  return Math.max(0, scan.hi - scan.lo);
}

function grown(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

/** Key spaces this small get count(*) counters that tolerate runs of one group (see countAcc). */
const FEW_GROUPS = 1 << 12;

const sharedKinds = new Set<string>(['count', 'sum', 'avg', 'min', 'max']);

/** The NumericStats kind of a call (`count(field)`, `sum`, `avg`, `min`, `max`, `sortsFirst`...). */
function fusedKind(call: Call): NumericKind | undefined {
  if (call.name === 'count') return call.args.length === 1 && call.args[0].type !== 'star' ? 'count' : undefined;
  if (call.name === 'sortsfirst') return 'min';
  if (call.name === 'sortslast') return 'max';
  return sharedKinds.has(call.name) ? (call.name as NumericKind) : undefined;
}

function makeAccumulator(call: Call, ctx: CompileContext, shared: Map<NumColumn, NumericStats>, views: Set<Accumulator>, fewGroups: boolean): Accumulator {
  const arg = (): Compiled => compileExpr(call.args[0], ctx);
  const kind = fusedKind(call);
  const col = kind ? arg().num : undefined;
  if (kind && col) {
    let stats = shared.get(col);
    if (!stats) shared.set(col, (stats = new NumericStats(col.data)));
    const view = stats.view(kind);
    views.add(view);
    return view;
  }
  switch (call.name) {
    case 'count': return countAcc(call.args.length === 0 || call.args[0].type === 'star' ? null : arg(), fewGroups);
    case 'sum': return sumAcc(arg(), false);
    case 'avg': return sumAcc(arg(), true);
    case 'stddev': return stddevAcc(arg());
    case 'min': case 'sortsfirst': return extremeAcc(arg(), false);
    case 'max': case 'sortslast': return extremeAcc(arg(), true);
    case 'count_distinct': return distinctAcc(arg());
    case 'pct': {
      const p = call.args[1];
      if (p.type !== 'literal' || typeof p.value !== 'number' || p.value < 0 || p.value > 100) {
        fail('bad-arguments', 'pct() needs a percentile from 0 to 100 as its second argument, as in pct(bytes, 95)', p.offset, p.length);
      }
      return pctAcc(arg(), p.value);
    }
    default: return timedAcc(arg().get, ctx.resolve('@timestamp', call), call.name === 'latest');
  }
}

/** Aggregates that return one of the input values keep the input's time flag. */
function resultIsTime(call: Call, ctx: CompileContext): boolean {
  if (['count', 'count_distinct', 'sum', 'avg', 'stddev'].includes(call.name)) return false;
  return compileExpr(call.args[0], ctx).time;
}

/** The result table over the first `groups` groups. */
function buildTable(cmd: Stats, keys: Array<{ time: boolean; values: Value[] }>, groups: number, calls: Call[], accs: Accumulator[], times: boolean[]): Table {
  const t: Table = { columns: [], time: [], data: [], length: groups };
  cmd.by.forEach((b, k) => {
    t.columns.push(b.name);
    t.time.push(keys[k].time);
    t.data.push(keys[k].values);
  });
  const results: TableColumn[] = accs.map((a) => a.numbers?.(groups) ?? Array.from({ length: groups }, (_x, g) => a.result(g)));
  const groupCtx: CompileContext = {
    resolve(name, at) {
      const k = t.columns.lastIndexOf(name);
      if (k < 0) {
        return fail('misplaced-aggregate', `"${name}" must be inside an aggregate such as count(${name}) or listed after by`, at.offset, Math.max(1, at.length));
      }
      return columnCompiled(t.data[k], t.time[k]);
    },
    aggregate(call) {
      const j = calls.indexOf(call);
      return columnCompiled(results[j], times[j]);
    },
  };
  for (const item of cmd.items) {
    const x = item.expr;
    // A bare aggregate is its own result column: no need to compile or copy it.
    if (x.type === 'call' && x.aggregate) {
      const j = calls.indexOf(x);
      t.columns.push(item.name);
      t.time.push(times[j]);
      t.data.push(results[j]);
      continue;
    }
    const c = compileExpr(x, groupCtx);
    t.columns.push(item.name);
    t.time.push(c.time);
    t.data.push(Array.from({ length: groups }, (_x, g) => c.get(g)));
  }
  return t;
}
