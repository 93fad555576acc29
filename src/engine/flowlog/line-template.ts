/**
 * A record format compiled for one interface: fields whose text is the same for every OK record
 * of that interface (version, account, interface, VPC, subnet, instance, region, AZ, log-status,
 * type, and the fields the simulator writes as "-") are folded into literal text, leaving only
 * the per-flow fields to fill in. This is the writer's hot path.
 */
import { F } from './fields.ts';
import { flat } from './flat.ts';
import type { EniInfo } from './eni-info.ts';
import type { LogFormat } from './format.ts';
import { asciiBytes } from './line-bytes.ts';

/**
 * A line as items joined by single spaces: runs of constant fields are one item (their texts
 * already joined), per-flow fields are filled in for each record.
 */
export interface LineTemplate {
  /** Field codes of the per-flow fields, in order. */
  vars: readonly number[];
  /** Index in `items` of each per-flow field. */
  at: readonly number[];
  /** Scratch array reused for every line: constant runs and per-flow values. */
  items: string[];
  /**
   * The same line as bytes (line-bytes.ts): `lead[k]` is the constant text and spaces written
   * before per-flow field k (null for a lone space, the common case, written without a copy),
   * `trail` the text after the last one. Null when a constant has a character outside ASCII
   * (an odd id in an edited document): such lines are joined instead.
   */
  bytes: { lead: (Uint8Array | null)[]; trail: Uint8Array; maxLength: number } | null;
}

/** Most bytes one per-flow field writes: an address is 15, the longest String(number) 24. */
const MAX_FIELD_BYTES = 24;

/** Per-flow fields: everything else is constant for one interface. */
const PER_FLOW = new Set<number>([
  F.srcAddr, F.dstAddr, F.srcPort, F.dstPort, F.protocol, F.packets, F.bytes, F.start, F.end, F.action,
  F.tcpFlags, F.pktSrcAddr, F.pktDstAddr, F.flowDirection, F.trafficPath,
]);

/** The constant text of a field for an interface's OK records. */
function constantText(code: number, version: number, info: EniInfo): string {
  switch (code) {
    case F.version: return String(version);
    case F.accountId: return info.accountId;
    case F.interfaceId: return info.interfaceId;
    case F.logStatus: return 'OK';
    case F.vpcId: return info.vpcId ?? '-';
    case F.subnetId: return info.subnetId ?? '-';
    case F.instanceId: return info.instanceId ?? '-';
    case F.type: return 'IPv4';
    case F.region: return info.region;
    case F.azId: return info.azId ?? '-';
    default: return '-';
  }
}

/** Compiles a format for one interface. */
export function compileLineTemplate(format: LogFormat, info: EniInfo): LineTemplate {
  const vars: number[] = [];
  const at: number[] = [];
  const items: string[] = [];
  let constantRun: string | null = null;
  for (const code of format.codes) {
    if (PER_FLOW.has(code)) {
      if (constantRun !== null) items.push(flat(constantRun));
      constantRun = null;
      at.push(items.length);
      vars.push(code);
      items.push('');
    } else {
      const text = constantText(code, format.version, info);
      constantRun = constantRun === null ? text : constantRun + ' ' + text;
    }
  }
  if (constantRun !== null) items.push(flat(constantRun));
  return { vars, at, items, bytes: compileLineBytes(format, info) };
}

function compileLineBytes(format: LogFormat, info: EniInfo): LineTemplate['bytes'] {
  const lead: (Uint8Array | null)[] = [];
  let leadLength = 0;
  let ascii = true;
  let pending = '';
  format.codes.forEach((code, i) => {
    const separator = i === 0 ? '' : ' ';
    if (PER_FLOW.has(code)) {
      const text = pending + separator;
      const bytes = asciiBytes(text);
      ascii &&= bytes !== null;
      lead.push(text === ' ' ? null : bytes);
      leadLength += text.length;
      pending = '';
    } else {
      pending += separator + constantText(code, format.version, info);
    }
  });
  const trail = asciiBytes(pending);
  if (trail === null || !ascii) return null;
  return { lead, trail, maxLength: leadLength + trail.length + lead.length * MAX_FIELD_BYTES };
}
