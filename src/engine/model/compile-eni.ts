import { tryParseIpv4 } from '../ip/index.ts';
import { combineReplacing } from './load.ts';
import { nameTag } from './ids.ts';
import type { Instance, NetworkInterface, Snapshot } from './schema.ts';
import type { CompileMemo } from './compile-memo.ts';

/** An interface as found in the document, with the instance that carries it and its path. */
export interface RawEni {
  doc: NetworkInterface;
  instance: Instance | null;
  path: string;
}

const ipOf = (text: unknown): number | null => {
  if (typeof text !== 'string') return null;
  const r = tryParseIpv4(text);
  return r.ok ? r.value : null;
};
export { ipOf };

/**
 * Gathers every interface of the document: `NetworkInterfaces` and the interfaces inside
 * `Reservations[].Instances[]` are one resource when they share an id (fields combined).
 */
export function gatherEnis(s: Snapshot, memo: CompileMemo | null = null): Map<string, RawEni> {
  const out = new Map<string, RawEni>();
  (Array.isArray(s.NetworkInterfaces) ? s.NetworkInterfaces : []).forEach((doc, i) => {
    if (doc && typeof doc.NetworkInterfaceId === 'string') out.set(doc.NetworkInterfaceId, { doc, instance: null, path: `$.NetworkInterfaces[${i}]` });
  });
  (Array.isArray(s.Reservations) ? s.Reservations : []).forEach((res, r) => {
    (Array.isArray(res?.Instances) ? res.Instances : []).forEach((inst, k) => {
      if (!inst || typeof inst.InstanceId !== 'string') return;
      (Array.isArray(inst.NetworkInterfaces) ? inst.NetworkInterfaces : []).forEach((ni, n) => {
        if (!ni || typeof ni.NetworkInterfaceId !== 'string') return;
        const prev = out.get(ni.NetworkInterfaceId);
        const doc = combined(memo, ni, prev?.doc ?? null, inst.InstanceId);
        out.set(ni.NetworkInterfaceId, prev ? { doc, instance: inst, path: prev.path } : { doc, instance: inst, path: `$.Reservations[${r}].Instances[${k}].NetworkInterfaces[${n}]` });
      });
    });
  });
  return out;
}

/**
 * An instance's copy of an interface with the instance id in its Attachment, combined with the
 * copy found before (NetworkInterfaces) when there is one. With a memo the result is kept per
 * instance copy, so an unchanged interface keeps one combined document (and its facts) across edits.
 */
function combined(memo: CompileMemo | null, ni: NetworkInterface, base: NetworkInterface | null, instanceId: string): NetworkInterface {
  const known = memo?.combined.get(ni);
  if (known && known.base === base && known.instanceId === instanceId) return known.doc;
  const attachment = { ...(ni.Attachment ?? {}), InstanceId: instanceId };
  // Same as combine(base, { ...ni, Attachment: attachment }), without that copy.
  const doc = (base ? combineReplacing(base as Record<string, unknown>, ni as Record<string, unknown>, 'Attachment', attachment) : { ...ni, Attachment: attachment }) as NetworkInterface;
  memo?.combined.set(ni, { base, instanceId, doc });
  return doc;
}

/** The public address mapped to an interface's primary private address, wherever the export put it. */
export function publicIpOf(raw: RawEni, eips: ReadonlyMap<string, number>): number | null {
  const d = raw.doc;
  const direct = ipOf(d.Association?.PublicIp);
  if (direct !== null) return direct;
  const primary = (d.PrivateIpAddresses ?? []).find((p) => p?.Primary) ?? (d.PrivateIpAddresses ?? [])[0];
  const viaPrimary = ipOf(primary?.Association?.PublicIp);
  if (viaPrimary !== null) return viaPrimary;
  const eip = eips.get(`${d.NetworkInterfaceId}|${d.PrivateIpAddress ?? ''}`) ?? eips.get(`${d.NetworkInterfaceId}|`);
  if (eip !== undefined) return eip;
  if (raw.instance && (d.Attachment?.DeviceIndex ?? 0) === 0) return ipOf(raw.instance.PublicIpAddress);
  return null;
}

/**
 * Public addresses mapped to secondary private addresses (an Elastic IP can be associated with
 * any private address of an interface): private → public, or null when there is none.
 */
export function secondaryPublicIpsOf(raw: RawEni, eips: ReadonlyMap<string, number>, privateIps: readonly number[]): Map<number, number> | null {
  let out: Map<number, number> | null = null;
  for (const p of raw.doc.PrivateIpAddresses ?? []) {
    const ip = ipOf(p?.PrivateIpAddress);
    if (ip === null || ip === privateIps[0]) continue;
    const pub = ipOf(p?.Association?.PublicIp) ?? eips.get(`${raw.doc.NetworkInterfaceId}|${p?.PrivateIpAddress}`) ?? null;
    if (pub !== null) (out ??= new Map()).set(ip, pub);
  }
  return out;
}

/** Elastic IPs keyed by "eni|private ip" (and "eni|" for the interface's first EIP). */
export function elasticIpIndex(s: Snapshot): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of Array.isArray(s.Addresses) ? s.Addresses : []) {
    const ip = ipOf(a?.PublicIp);
    if (ip === null || typeof a.NetworkInterfaceId !== 'string') continue;
    out.set(`${a.NetworkInterfaceId}|${a.PrivateIpAddress ?? ''}`, ip);
    if (!out.has(`${a.NetworkInterfaceId}|`)) out.set(`${a.NetworkInterfaceId}|`, ip);
  }
  return out;
}

export function eniName(raw: RawEni): string | null {
  return (raw.instance ? nameTag(raw.instance) : null) ?? nameTag(raw.doc as { TagSet?: { Key: string; Value: string }[] });
}

/**
 * Instance families that are not built on the Nitro System (AWS's list: current-generation C4,
 * D2, G3, I3, M4, P2, P3, R4, T2, X1, X1e, F1, H1 and the previous generation).
 */
const XEN_FAMILIES = new Set(['t1', 't2', 'm1', 'm2', 'm3', 'm4', 'c1', 'c3', 'c4', 'cc2', 'cr1', 'r3', 'r4', 'i2', 'i3', 'd2', 'g2', 'g3', 'g3s', 'p2', 'p3', 'x1', 'x1e', 'f1', 'h1', 'hs1', 'hi1']);

/**
 * Whether an instance is Nitro-based: its flow-log window is then 60 s at most. AWS reports
 * `Hypervisor: "xen"` for Nitro instances too, so the instance type decides; bare-metal sizes
 * are Nitro. A hand-written document without a type may say "nitro".
 */
export function isNitro(inst: Instance | null): boolean {
  const type = inst?.InstanceType;
  if (typeof type === 'string' && type.includes('.')) {
    const [family, size] = type.split('.');
    return size === 'metal' || !XEN_FAMILIES.has(family);
  }
  return inst?.Hypervisor === 'nitro';
}
