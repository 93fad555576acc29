/**
 * Traffic the learner sent: the last trace (for the canvas and the Explain panel) and every
 * flow-log record written so far, on a simulated clock. Records become visible when their
 * aggregation window has closed and (unless "instant delivery") AWS's delivery delay has passed.
 */
import { DEFAULT_START, flowLogDeliveryStatus, traceProbe, type FlowLogRecord, type IamRole, type Probe, type TraceDetails, type TraceOutcome } from '../engine/index.ts';
import { iamRoles } from '../engine/edit/index.ts';
import { workspace } from './workspace.svelte.ts';

/** AWS's typical delivery delays (seconds): CloudWatch Logs ~5 min, S3 ~10 min. */
export const DELIVERY_DELAY = { 'cloud-watch-logs': 300, s3: 600, 'kinesis-data-firehose': 300 } as const;

export interface LoggedRecord {
  record: FlowLogRecord;
  /** Simulated second at which the record is delivered to its destination. */
  visibleAt: number;
}

export interface LastTrace {
  command: string;
  probe: Probe;
  details: TraceDetails;
  /** Increases on every run so the canvas replays the animation. */
  run: number;
}

class TraceState {
  last = $state.raw<LastTrace | null>(null);
  logged = $state.raw<LoggedRecord[]>([]);
  clock = $state(DEFAULT_START);
  instant = $state(true);
  #runs = 0;

  /** Sends a probe through the workspace's network at the simulated clock, then moves the clock on. */
  run(command: string, probe: Probe): TraceOutcome {
    const net = workspace.net;
    const start = this.clock;
    const out = traceProbe(net, { ...probe, start, flowLogs: 'snapshot' }, workspace.diagnostics);
    if (!out.ok) return out;
    this.last = { command, probe: { ...probe, start }, details: out.details, run: ++this.#runs };
    const roles = iamRoles(workspace.doc) as IamRole[];
    const added: LoggedRecord[] = [];
    for (const r of out.details.result.flowLogs) {
      const fl = net.flowLogs.find((f) => f.id === r.flowLogId);
      if (!fl || !flowLogDeliveryStatus(fl, roles).ok) continue; // an undeliverable flow log writes nothing
      const windowEnd = Math.floor(r.fields.start / fl.interval) * fl.interval + fl.interval;
      added.push({ record: r, visibleAt: windowEnd + DELIVERY_DELAY[fl.destinationType] });
    }
    this.logged = [...this.logged, ...added];
    const count = probe.count ?? 4;
    this.clock = start + count + 5;
    return out;
  }

  /** The records delivered by now (all of them with instant delivery). */
  get visible(): FlowLogRecord[] {
    return this.logged.filter((l) => this.instant || l.visibleAt <= this.clock).map((l) => l.record);
  }

  get pending(): number {
    return this.instant ? 0 : this.logged.filter((l) => l.visibleAt > this.clock).length;
  }

  advance(seconds: number): void {
    this.clock += seconds;
  }

  clearLogs(): void {
    this.logged = [];
  }
}

export const traces = new TraceState();
