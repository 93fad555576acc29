/**
 * The main-thread side of the query worker: sends each log group's events once per version,
 * runs one query at a time, and cancels by terminating the worker (a synchronous scan cannot be
 * interrupted any other way) and starting a fresh one.
 */
import type { FromWorker, GroupData, ToWorker } from './protocol.ts';

/** A log group to query: its name, a version that changes with its content, and its data on demand. */
export interface GroupSource {
  name: string;
  version: string;
  data: () => GroupData;
}

export type RunReply = Extract<FromWorker, { type: 'result' }>;

export class QueryClient {
  #worker: Worker | null = null;
  #sent = new Map<string, string>();
  #id = 0;
  #pending: { id: number; resolve: (r: RunReply | null) => void } | null = null;

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const w = new Worker(new URL('./query.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const p = this.#pending;
      if (p && e.data.id === p.id) {
        this.#pending = null;
        p.resolve(e.data);
      }
    };
    w.onerror = (e) => {
      const p = this.#pending;
      this.#pending = null;
      p?.resolve({ type: 'result', id: p.id, ms: 0, fields: [], chart: null, result: { ok: false, error: { code: 'worker-error', message: `the query worker failed: ${e.message}`, line: 1, column: 1, offset: 0, length: 0 } } });
    };
    this.#worker = w;
    this.#sent.clear();
    return w;
  }

  /** Runs a query; resolves with null when cancelled. */
  run(groups: GroupSource[], query: string, bounds: { start?: number; end?: number }): Promise<RunReply | null> {
    this.cancel();
    const w = this.#ensure();
    for (const g of groups) {
      if (this.#sent.get(g.name) === g.version) continue;
      const msg: ToWorker = { type: 'load', group: g.name, version: g.version, data: g.data() };
      w.postMessage(msg);
      this.#sent.set(g.name, g.version);
    }
    const id = ++this.#id;
    const msg: ToWorker = { type: 'run', id, groups: groups.map((g) => ({ name: g.name, version: g.version })), query, ...bounds };
    return new Promise((resolve) => {
      this.#pending = { id, resolve };
      w.postMessage(msg);
    });
  }

  /** Stops a running query (the worker is replaced; events are sent again on the next run). */
  cancel(): void {
    const p = this.#pending;
    if (!p) return;
    this.#pending = null;
    this.#worker?.terminate();
    this.#worker = null;
    p.resolve(null);
  }

  dispose(): void {
    this.cancel();
    this.#worker?.terminate();
    this.#worker = null;
  }
}
