import { DictColumn, NumColumn, type Column } from './columns.ts';
import { DEFAULT_FORMAT, KNOWN_TEXT_FIELDS, NUMERIC_FIELDS, insightsName } from './field-names.ts';
import type { InsightsRecord, Value } from './types.ts';
import { toNumber } from './values.ts';

const V2_ORDER = DEFAULT_FORMAT.map(insightsName);

/**
 * Log events stored by column: numbers in Float64Arrays, text dictionary-encoded. Appending is
 * amortised O(fields); columns appear when a field is first seen (earlier rows read as null).
 */
export class ColumnStore {
  /** Number of events. */
  length = 0;
  private capacity: number;
  private readonly cols = new Map<string, Column>();
  private readonly messages: Array<string | undefined> = [];
  /** Field order for rebuilding `@message`: the v2 fields first, then others as first seen. */
  private readonly order: string[] = [];
  /** True while every `@timestamp` so far is >= the previous one (enables binary search). */
  timeSorted = true;
  private lastTime = -Infinity;
  /** Bumped on every append, so caches keyed on a store can tell it changed. */
  version = 0;

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, capacity);
  }

  /** Appends one event. `-`, undefined and null all mean absent. */
  append(rec: InsightsRecord): void {
    if (this.length === this.capacity) this.grow(this.capacity * 2);
    const row = this.length;
    let time: number | null = null;
    let eni: string | null = null;
    let stream = false;
    for (const key in rec) {
      const raw = rec[key];
      if (key === '@message') {
        if (typeof raw === 'string') this.messages[row] = raw;
        continue;
      }
      const name = insightsName(key);
      const v = raw === undefined || raw === '-' ? null : raw;
      if (v === null) continue;
      if (name === '@timestamp') { time = toNumber(v); continue; }
      if (name === 'interfaceId') eni = String(v);
      if (name === '@logStream') stream = true;
      this.setValue(name, row, v);
    }
    if (time === null) {
      const start = this.cols.get('start');
      const s = start && start.kind === 'num' ? start.data[row] : NaN;
      time = s === s ? s * 1000 : null;
    }
    if (time === null || time < this.lastTime) this.timeSorted = false;
    if (time !== null) {
      this.setValue('@timestamp', row, time);
      if (time > this.lastTime) this.lastTime = time;
    }
    if (!stream && eni !== null) this.setValue('@logStream', row, `${eni}-all`);
    this.length++;
    this.version++;
  }

  /** Appends many events. */
  appendMany(records: Iterable<InsightsRecord>): void {
    for (const r of records) this.append(r);
  }

  /** The column of a field, if any event has it. */
  column(name: string): Column | undefined {
    return this.cols.get(name);
  }

  /** Discovered field names: `@timestamp`, `@message`, `@logStream` and every stored field. */
  fieldNames(): string[] {
    const names = ['@timestamp', '@message', '@logStream', ...this.order];
    return names.filter((n, i) => names.indexOf(n) === i);
  }

  /** The raw line of an event, rebuilt from its fields (`-` for null) when none was given. */
  message(row: number): string {
    const m = this.messages[row];
    if (m !== undefined) return m;
    const parts: string[] = [];
    for (const name of this.order) {
      const v = this.cols.get(name)?.get(row) ?? null;
      parts.push(v === null ? '-' : String(v));
    }
    return parts.join(' ');
  }

  private setValue(name: string, row: number, v: string | number): void {
    let col = this.cols.get(name);
    const numeric = NUMERIC_FIELDS.has(name);
    if (numeric && typeof v === 'string') v = toNumber(v) ?? v;
    else if (typeof v === 'number' && KNOWN_TEXT_FIELDS.has(name)) v = String(v);
    if (!col) {
      col = typeof v === 'number' ? new NumColumn(this.capacity) : new DictColumn(this.capacity);
      this.cols.set(name, col);
      if (!name.startsWith('@')) this.addToOrder(name);
    } else if (col.kind === 'num' && typeof v === 'string') {
      col = DictColumn.fromNumbers(col, this.length);
      this.cols.set(name, col);
    }
    if (col.kind === 'num') col.set(row, v as number);
    else col.set(row, v);
  }

  private addToOrder(name: string): void {
    const rank = V2_ORDER.indexOf(name);
    if (rank < 0) { this.order.push(name); return; }
    const at = this.order.findIndex((n) => { const r = V2_ORDER.indexOf(n); return r < 0 || r > rank; });
    if (at < 0) this.order.push(name);
    else this.order.splice(at, 0, name);
  }

  private grow(capacity: number): void {
    for (const col of this.cols.values()) col.grow(capacity);
    this.capacity = capacity;
  }
}

/** Creates an empty store; `capacity` pre-sizes the columns for a known number of events. */
export function createStore(options: { capacity?: number } = {}): ColumnStore {
  return new ColumnStore(options.capacity);
}

/** Builds a store from many events at once, sized up front. */
export function buildStore(records: readonly InsightsRecord[]): ColumnStore {
  const store = new ColumnStore(records.length);
  store.appendMany(records);
  return store;
}

/** Reads one field of one event (for tests and the UI's record inspector). */
export function valueAt(store: ColumnStore, name: string, row: number): Value {
  if (name === '@message') return store.message(row);
  return store.column(name)?.get(row) ?? null;
}
