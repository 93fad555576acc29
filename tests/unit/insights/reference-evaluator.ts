// A deliberately simple, row-at-a-time interpreter of the query AST, written independently of
// the engine's compiled executor (no columns, no fast paths, no shared value helpers). The
// differential property test runs both and expects identical results.
import type { Command, Expr } from '../../../src/engine/insights/ast.ts';
import type { InsightsRecord, Value } from '../../../src/engine/insights/index.ts';

type Row = Record<string, Value>;
type Table = { columns: string[]; time: Set<string>; rows: Row[] };

const isNumText = (s: string): boolean => /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s);
const num = (v: Value): number | null => (typeof v === 'number' ? (Number.isFinite(v) ? v : null) : typeof v === 'string' && isNumText(v) ? Number(v) : null);
const text = (v: Value): string | null => (v === null ? null : String(v));
const truth = (v: Value): boolean => (typeof v === 'number' ? v !== 0 && !Number.isNaN(v) : typeof v === 'string' && v !== '');
const b = (x: boolean): number => (x ? 1 : 0);

function cmp(a: Value, c: Value): number | null {
  if (a === null || c === null) return null;
  if (typeof a === 'number' && typeof c === 'number') return Math.sign(a - c);
  if (typeof a === 'number' || typeof c === 'number') {
    const x = num(a);
    const y = num(c);
    if (x !== null && y !== null) return Math.sign(x - y);
  }
  const s = String(a);
  const t = String(c);
  return s === t ? 0 : s < t ? -1 : 1;
}

/** Natural order, chunked with a regex: digit runs by length then text, others by code unit. */
function natural(a: string, c: string): number {
  const x = a.match(/\d+|\D+/g) ?? [];
  const y = c.match(/\d+|\D+/g) ?? [];
  for (let k = 0; k < Math.min(x.length, y.length); k++) {
    const p = x[k];
    const q = y[k];
    if (/^\d/.test(p) && /^\d/.test(q) && p.length !== q.length) return p.length - q.length;
    if (p !== q) return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/** Sort order with nulls last in both directions; strings before numbers ascending. */
export function refSortCompare(a: Value, c: Value, desc: boolean): number {
  if (a === null || c === null) return a === c ? 0 : a === null ? 1 : -1;
  let r: number;
  if (typeof a === 'number' && typeof c === 'number') r = Math.sign(a - c);
  else if (typeof a === 'number') r = 1;
  else if (typeof c === 'number') r = -1;
  else r = natural(a, c);
  return desc ? -r : r;
}

function ipv4(s: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m || m.slice(1).some((p) => Number(p) > 255 || (p.length > 1 && p[0] === '0'))) return null;
  return m.slice(1).reduce((acc, p) => acc * 256 + Number(p), 0);
}

function inCidr(addr: Value, cidr: string): boolean {
  if (typeof addr !== 'string') return false;
  const [base, len] = cidr.split('/');
  const a = ipv4(addr);
  const n = ipv4(base);
  if (a === null || n === null) return false;
  const size = 2 ** (32 - Number(len));
  return Math.floor(a / size) === Math.floor(n / size);
}

const PERIOD_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function evaluate(e: Expr, row: Row, agg?: (e: Expr) => Value): Value {
  switch (e.type) {
    case 'field': return row[e.name] ?? null;
    case 'literal': return e.value;
    case 'unary': {
      const v = evaluate(e.arg, row, agg);
      if (e.op === 'not') return b(!truth(v));
      const x = num(v);
      return x === null ? null : -x;
    }
    case 'binary': {
      if (e.op === 'and') return b(truth(evaluate(e.left, row, agg)) && truth(evaluate(e.right, row, agg)));
      if (e.op === 'or') return b(truth(evaluate(e.left, row, agg)) || truth(evaluate(e.right, row, agg)));
      const l = evaluate(e.left, row, agg);
      const r = evaluate(e.right, row, agg);
      if (['+', '-', '*', '/', '%', '^'].includes(e.op)) {
        const x = num(l);
        const y = num(r);
        if (x === null || y === null) return null;
        if ((e.op === '/' || e.op === '%') && y === 0) return null;
        const out = e.op === '+' ? x + y : e.op === '-' ? x - y : e.op === '*' ? x * y : e.op === '/' ? x / y : e.op === '%' ? x % y : x ** y;
        return Number.isFinite(out) ? out : null;
      }
      const c = cmp(l, r);
      if (c === null) return 0;
      return b(e.op === '=' ? c === 0 : e.op === '!=' ? c !== 0 : e.op === '<' ? c < 0 : e.op === '<=' ? c <= 0 : e.op === '>' ? c > 0 : c >= 0);
    }
    case 'in': {
      const v = evaluate(e.arg, row, agg);
      const hit = e.list.some((x) => cmp(v, evaluate(x, row, agg)) === 0);
      return b(hit !== e.negated);
    }
    case 'like': {
      const s = text(evaluate(e.arg, row, agg));
      const p = e.pattern;
      const hit = s !== null && (p.type === 'regex' ? new RegExp(p.regex.source, p.regex.flags).test(s) : s.includes(String((p as { value: unknown }).value)));
      return b(hit !== e.negated);
    }
    case 'call': return call(e, row, agg);
    default: throw new Error(`reference: unsupported ${e.type}`);
  }
}

function call(e: Extract<Expr, { type: 'call' }>, row: Row, agg?: (e: Expr) => Value): Value {
  if (e.aggregate) return agg ? agg(e) : null;
  const arg = (k: number): Value => evaluate(e.args[k], row, agg);
  switch (e.name) {
    case 'bin': {
      const p = (e.args[0] as Extract<Expr, { type: 'period' }>).period;
      const t = num(row['@timestamp'] ?? null);
      const ms = p.amount * PERIOD_MS[p.unit];
      return t === null ? null : Math.floor(t / ms) * ms;
    }
    case 'isipv4insubnet': return b(inCidr(arg(0), String(arg(1))));
    case 'ispresent': return b(arg(0) !== null);
    case 'isempty': return b(arg(0) === null || arg(0) === '');
    case 'strlen': { const s = text(arg(0)); return s === null ? null : [...s].length; }
    case 'tolower': { const s = text(arg(0)); return s === null ? null : s.toLowerCase(); }
    case 'toupper': { const s = text(arg(0)); return s === null ? null : s.toUpperCase(); }
    case 'abs': { const x = num(arg(0)); return x === null ? null : Math.abs(x); }
    case 'floor': { const x = num(arg(0)); return x === null ? null : Math.floor(x); }
    case 'concat': { const parts = e.args.map((_a, k) => text(arg(k))).filter((s) => s !== null); return parts.length ? parts.join('') : null; }
    case 'substr': {
      const s = text(arg(0));
      const f = num(arg(1));
      if (s === null || f === null) return null;
      const len = e.args.length > 2 ? num(arg(2)) : s.length;
      return len === null ? null : s.slice(Math.max(0, Math.trunc(f)), Math.max(0, Math.trunc(f)) + Math.max(0, Math.trunc(len)));
    }
    default: throw new Error(`reference: unsupported function ${e.name}`);
  }
}

function aggregate(e: Extract<Expr, { type: 'call' }>, rows: Row[]): Value {
  const values = (): Value[] => rows.map((r) => evaluate(e.args[0], r)).filter((v) => v !== null);
  const numbers = (): number[] => rows.map((r) => num(evaluate(e.args[0], r))).filter((v): v is number => v !== null);
  switch (e.name) {
    case 'count': return e.args.length === 0 || e.args[0].type === 'star' ? rows.length : values().length;
    case 'sum': { const n = numbers(); return n.length ? n.reduce((x, y) => x + y, 0) : null; }
    case 'avg': { const n = numbers(); return n.length ? n.reduce((x, y) => x + y, 0) / n.length : null; }
    case 'min': case 'max': {
      const v = values();
      if (!v.length) return null;
      return v.reduce((best, x) => (refSortCompare(x, best, e.name === 'max') < 0 ? x : best));
    }
    case 'count_distinct': return new Set(values().map((v) => JSON.stringify(v))).size;
    case 'pct': {
      const n = numbers().sort((x, y) => x - y);
      if (!n.length) return null;
      const p = (e.args[1] as { value: number }).value;
      return n[Math.min(n.length, Math.max(1, Math.ceil((p / 100) * n.length))) - 1];
    }
    default: throw new Error(`reference: unsupported aggregate ${e.name}`);
  }
}

const isTimeExpr = (e: Expr, time: Set<string>): boolean =>
  (e.type === 'field' && time.has(e.name)) || (e.type === 'call' && (e.name === 'bin' || ((e.name === 'min' || e.name === 'max' || e.name === 'pct') && isTimeExpr(e.args[0], time))));

function stats(cmd: Extract<Command, { kind: 'stats' }>, t: Table): Table {
  const groups = new Map<string, Row[]>();
  for (const r of t.rows) {
    const key = JSON.stringify(cmd.by.map((x) => evaluate(x.expr, r)));
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)?.push(r);
  }
  if (cmd.by.length === 0 && groups.size === 0) groups.set('[]', []);
  const out: Table = { columns: [], time: new Set(), rows: [] };
  for (const x of [...cmd.by, ...cmd.items]) if (!out.columns.includes(x.name)) out.columns.push(x.name);
  for (const x of [...cmd.by, ...cmd.items]) if (isTimeExpr(x.expr, t.time)) out.time.add(x.name);
  for (const rows of groups.values()) {
    const row: Row = {};
    cmd.by.forEach((x) => { row[x.name] = rows.length ? evaluate(x.expr, rows[0]) : null; });
    for (const it of cmd.items) row[it.name] = evaluate(it.expr, row, (a) => aggregate(a as Extract<Expr, { type: 'call' }>, rows));
    out.rows.push(row);
  }
  return out;
}

function sortRows(rows: Row[], keys: Array<{ expr: Expr; descending: boolean }>): Row[] {
  return rows
    .map((r, k) => ({ r, k, v: keys.map((x) => evaluate(x.expr, r)) }))
    .sort((p, q) => {
      for (let j = 0; j < keys.length; j++) {
        const c = refSortCompare(p.v[j], q.v[j], keys[j].descending);
        if (c !== 0) return c;
      }
      return p.k - q.k;
    })
    .map((x) => x.r);
}

/** Runs a parsed query over records the slow way. */
export function referenceRun(records: InsightsRecord[], commands: Command[], range: { start?: number; end?: number } = {}, text = ''): { columns: string[]; rows: Value[][] } {
  // After stats, an expression written like a result column (`sort bin(5m)`) names that column.
  const asColumn = (e: Expr, t: Table): Expr => {
    const written = text.slice(e.offset, e.offset + e.length).replace(/\s+/g, ' ').trim();
    return e.type !== 'field' && t.columns.includes(written) ? { type: 'field', name: written, offset: 0, length: 0 } : e;
  };
  const all: Row[] = records.map((rec, k) => ({ ...(rec as Row), '#index': k }));
  let t: Table = {
    columns: [], time: new Set(['@timestamp']),
    rows: all.filter((r) => {
      const ts = r['@timestamp'];
      if (range.start === undefined && range.end === undefined) return true;
      return typeof ts === 'number' && ts >= (range.start ?? -Infinity) && ts <= (range.end ?? Infinity);
    }),
  };
  let afterStats = false;
  let ordered = false;
  let limited = false;
  let display: Array<{ name: string; expr: Expr }> | null = null;
  const defaultOrder = (): void => {
    if (afterStats || ordered) return;
    ordered = true;
    t.rows = [...t.rows].sort((p, q) => {
      const a = (p['@timestamp'] ?? null) as number | null;
      const c = (q['@timestamp'] ?? null) as number | null;
      if (a !== c) return a === null ? 1 : c === null ? -1 : c - a;
      return (q['#index'] as number) - (p['#index'] as number);
    });
  };
  for (const cmd of commands) {
    switch (cmd.kind) {
      case 'fields':
        for (const it of cmd.items) {
          const time = isTimeExpr(it.expr, t.time);
          t.rows = t.rows.map((r) => ({ ...r, [it.name]: evaluate(it.expr, r) }));
          if (time) t.time.add(it.name); else t.time.delete(it.name);
          if (!t.columns.includes(it.name)) t.columns.push(it.name);
        }
        break;
      case 'display': display = cmd.items; break;
      case 'filter': t.rows = t.rows.filter((r) => truth(evaluate(cmd.expr, r))); break;
      case 'sort': defaultOrder(); t.rows = sortRows(t.rows, afterStats ? cmd.keys.map((k) => ({ ...k, expr: asColumn(k.expr, t) })) : cmd.keys); ordered = true; break;
      case 'limit': defaultOrder(); t.rows = t.rows.slice(0, cmd.count); limited = true; break;
      case 'dedup': {
        defaultOrder();
        const seen = new Set<string>();
        t.rows = t.rows.filter((r) => {
          const v = cmd.fields.map((f) => r[f.name] ?? null);
          if (v.some((x) => x === null)) return true;
          const key = JSON.stringify(v);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        break;
      }
      case 'stats': t = stats(cmd, t); afterStats = true; display = null; limited = false; break;
      default: throw new Error(`reference: unsupported command ${cmd.kind}`);
    }
  }
  defaultOrder();
  if (!limited) t.rows = t.rows.slice(0, 10_000);
  const cols = display ?? (afterStats || t.columns.length ? t.columns.map((c) => ({ name: c, expr: { type: 'field', name: c, offset: 0, length: 0 } as Expr })) : ['@timestamp', '@message'].map((c) => ({ name: c, expr: { type: 'field', name: c, offset: 0, length: 0 } as Expr })));
  const fmt = (v: Value, time: boolean): Value => {
    if (!time || typeof v !== 'number') return v;
    const iso = new Date(v).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  };
  return {
    columns: cols.map((c) => c.name),
    rows: t.rows.map((r) => cols.map((c) => fmt(evaluate(c.expr, r), isTimeExpr(c.expr, t.time)))),
  };
}
