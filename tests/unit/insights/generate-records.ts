// Deterministic VPC Flow Log records for tests and the bench: a seeded PRNG (mulberry32), a
// network of ENIs in 10.0.0.0/16 talking to each other and to a pool of public addresses.
import type { InsightsRecord } from '../../../src/engine/insights/index.ts';
import { createPrng } from '../../../src/engine/traffic/prng.ts';

/** The engine's seeded PRNG (mulberry32): floats in [0, 1). */
export function prng(seed: number): () => number {
  return createPrng(seed).next;
}

export interface GenerateOptions {
  seed?: number;
  enis?: number;
  externals?: number;
  /** First record start, unix seconds. */
  startSeconds?: number;
  /** Time covered, seconds. */
  spanSeconds?: number;
}

const PORTS = [443, 443, 443, 80, 80, 22, 22, 3306, 5432, 53, 123, 3389, 8080, 6379, 25];

/**
 * Calls `onRecord` for `count` records in start-time order. The same record object is reused
 * between calls (consumers copy what they keep), which keeps a million records cheap.
 */
export function generateFlowRecords(count: number, opts: GenerateOptions, onRecord: (r: InsightsRecord) => void): void {
  const rnd = prng(opts.seed ?? 42);
  const enis = opts.enis ?? 2000;
  const externals = opts.externals ?? 500;
  const t0 = opts.startSeconds ?? 1_717_200_000;
  const span = opts.spanSeconds ?? 86_400;
  const eniIds = Array.from({ length: enis }, (_x, k) => `eni-${(0x0a000000 + k * 7919).toString(16).padStart(17, '0')}`);
  const eniIps = Array.from({ length: enis }, (_x, k) => `10.0.${Math.floor(k / 250)}.${(k % 250) + 4}`);
  const extIps = Array.from({ length: externals }, (_x, k) => `${[203, 198, 52, 34][k % 4]}.${(k * 37) % 256}.${(k * 11) % 256}.${(k % 254) + 1}`);
  const accounts = ['123456789012', '210987654321', '111122223333'];
  // Traffic has structure: each ENI talks to a few fixed internal peers on a fixed service port,
  // one ENI in ten faces the internet and hears from many clients, the rest reach a few
  // external endpoints (updates, APIs). Peers are picked by hashing, so they are stable.
  const mix = (a: number, b: number): number => (Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> 0);
  const peerOf = (e: number, j: number): number => mix(e, j) % enis;
  const rec: InsightsRecord = {};
  for (let k = 0; k < count; k++) {
    const e = Math.floor(rnd() * rnd() * enis); // skewed: low-numbered ENIs are busier
    const start = t0 + Math.floor((k / count) * span);
    const status = rnd();
    rec.version = 2;
    rec.accountId = accounts[e % accounts.length];
    rec.interfaceId = eniIds[e];
    rec.start = start;
    rec.end = start + 1 + Math.floor(rnd() * 59);
    if (status < 0.01 || status > 0.998) {
      rec.srcAddr = rec.dstAddr = rec.srcPort = rec.dstPort = rec.protocol = rec.packets = rec.bytes = rec.action = null;
      rec.logStatus = status < 0.01 ? 'NODATA' : 'SKIPDATA';
    } else {
      const publicFacing = e % 10 === 0;
      const internalPeer = rnd() < (publicFacing ? 0.3 : 0.8);
      const j = Math.floor(rnd() * 6);
      const peer = internalPeer
        ? eniIps[peerOf(e, j)]
        : extIps[publicFacing ? Math.floor(rnd() * rnd() * externals) : mix(e, j + 7) % externals];
      const egress = rnd() < 0.5;
      const p = rnd();
      const protocol = p < 0.8 ? 6 : p < 0.95 ? 17 : 1;
      const service = PORTS[mix(e, j + 13) % PORTS.length];
      const ephemeral = 32768 + Math.floor(rnd() * 28232);
      rec.srcAddr = egress ? eniIps[e] : peer;
      rec.dstAddr = egress ? peer : eniIps[e];
      rec.srcPort = protocol === 1 ? 0 : egress ? ephemeral : service;
      rec.dstPort = protocol === 1 ? 0 : egress ? service : ephemeral;
      rec.protocol = protocol;
      rec.packets = 1 + Math.floor(rnd() * 200);
      rec.bytes = (rec.packets as number) * (40 + Math.floor(rnd() * 1460));
      rec.action = rnd() < (internalPeer ? 0.03 : 0.2) ? 'REJECT' : 'ACCEPT';
      rec.logStatus = 'OK';
    }
    onRecord(rec);
  }
}

/** The records as an array of independent objects (for small counts). */
export function generateFlowRecordArray(count: number, opts: GenerateOptions = {}): InsightsRecord[] {
  const out: InsightsRecord[] = [];
  generateFlowRecords(count, opts, (r) => out.push({ ...r }));
  return out;
}
