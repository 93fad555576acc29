/**
 * The traffic a learner sent survives a reload: the flow-log records written so far and the
 * simulated clock, in localStorage beside the autosaved document. Only the newest records are
 * kept (the document matters more than its logs when storage is short), and a save that the
 * browser refuses, or one that does not read back as records, is dropped without a word: the
 * network is what the "Not autosaved" badge is about.
 */
import type { FlowLogFields, FlowLogRecord } from '../engine/index.ts';

export const TRAFFIC_KEY = 'vpc-lab:traffic:v1';
/** About 3 MB of JSON at most; a generated million-record log keeps only its newest records. */
export const MAX_SAVED_RECORDS = 5000;

export interface SavedTraffic {
  clock: number;
  logged: { record: FlowLogRecord; visibleAt: number }[];
}

/** At most this much JSON, so the records never crowd out the document's autosave. */
const MAX_SAVED_CHARS = 1_500_000;

export function saveTraffic(t: SavedTraffic): void {
  let logged = t.logged.slice(-MAX_SAVED_RECORDS);
  for (;;) {
    try {
      const text = JSON.stringify({ clock: t.clock, logged });
      if (text.length > MAX_SAVED_CHARS && logged.length > 0) throw new Error('too large');
      localStorage.setItem(TRAFFIC_KEY, text);
      return;
    } catch {
      // Too large, or storage full: keep fewer records, down to the clock alone.
      if (logged.length === 0) return;
      logged = logged.slice(Math.ceil(logged.length / 2));
    }
  }
}

export function restoreTraffic(): SavedTraffic | null {
  let text: string | null;
  try {
    text = localStorage.getItem(TRAFFIC_KEY);
  } catch {
    return null;
  }
  return text ? parseSavedTraffic(text) : null;
}

/** Saved traffic, or null when the text is not one (damaged, hand-edited, an older shape). Records that do not check out are left out. */
export function parseSavedTraffic(text: string): SavedTraffic | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(v) || !Number.isSafeInteger(v.clock) || !Array.isArray(v.logged)) return null;
  const logged: SavedTraffic['logged'] = [];
  for (const l of v.logged) {
    if (isObject(l) && typeof l.visibleAt === 'number' && Number.isFinite(l.visibleAt) && isRecord(l.record)) logged.push({ record: l.record, visibleAt: l.visibleAt });
  }
  return { clock: v.clock as number, logged };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const NUMBER_FIELDS = ['srcPort', 'dstPort', 'protocol', 'packets', 'bytes', 'tcpFlags', 'trafficPath'] as const;
const TEXT_FIELDS = ['srcAddr', 'dstAddr', 'action', 'vpcId', 'subnetId', 'instanceId', 'type', 'pktSrcAddr', 'pktDstAddr', 'region', 'azId', 'flowDirection'] as const;

/** The shape the log's readers rely on: a line, and fields of the right types. */
function isRecord(r: unknown): r is FlowLogRecord {
  if (!isObject(r) || typeof r.flowLogId !== 'string' || typeof r.interfaceId !== 'string' || typeof r.line !== 'string') return false;
  if (r.logGroup !== null && typeof r.logGroup !== 'string') return false;
  const f = r.fields;
  if (!isObject(f)) return false;
  const fields = f as Partial<Record<keyof FlowLogFields, unknown>>;
  if (typeof fields.version !== 'number' || typeof fields.accountId !== 'string' || typeof fields.interfaceId !== 'string') return false;
  if (!Number.isFinite(fields.start) || !Number.isFinite(fields.end) || typeof fields.logStatus !== 'string') return false;
  for (const k of NUMBER_FIELDS) if (fields[k] !== null && !Number.isFinite(fields[k])) return false;
  for (const k of TEXT_FIELDS) if (fields[k] !== null && typeof fields[k] !== 'string') return false;
  return true;
}
