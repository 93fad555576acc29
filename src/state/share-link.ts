/**
 * Share links: the whole state (document with its canvas positions, and the lab in progress)
 * in the URL fragment, `#share=v1.<data>`, where data is base64url of a CRC-32 of the JSON text
 * followed by that text compressed with the browser's own CompressionStream('deflate-raw').
 * Decoding never throws and never trusts the link: size limits before and while inflating,
 * strict base64url, fatal UTF-8, the checksum (so a flipped byte is caught even when it still
 * inflates), safe JSON, then the snapshot validator. Pure apart from the streams API.
 */
import { hasErrors, parseJsonSafely, validateSnapshot, type Snapshot } from '../engine/index.ts';
import { parseQueryRuns, type QueryRun } from '../engine/labs/query-runs.ts';

export const SHARE_PREFIX = 'share=v1.';
/** The longest `data` part accepted (characters of base64url). */
export const MAX_ENCODED = 100_000;
/** The largest decompressed state accepted (bytes of UTF-8). */
export const MAX_DECODED = 1_500_000;

/** Lab progress carried by a link (see labs.svelte.ts). */
export interface SharedLab {
  /** Where the lab comes from: a built-in id, a URL, or the lab text itself. */
  source: { kind: 'builtin'; id: string } | { kind: 'url'; url: string } | { kind: 'inline'; text: string };
  step: number;
  passed: Record<string, { sim: number; wall: number }>;
  /**
   * The learner's Logs Insights runs, the evidence of their Insights steps (a link made before
   * runs were recorded has none: its Insights passes are not carried over).
   */
  runs?: QueryRun[];
}

export interface SharedState {
  doc: Snapshot;
  lab?: SharedLab;
}

export type DecodeResult = { ok: true; state: SharedState } | { ok: false; error: string };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Strict base64url (no padding, no other characters); null when the text is not. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k++) n = (n << 6) | (k < chunk.length ? B64.indexOf(chunk[k]) : 0);
    for (let k = 0; k < chunk.length - 1; k++) out[o++] = (n >> (16 - 8 * k)) & 255;
  }
  return out;
}

let table: Uint32Array | null = null;
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 255] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Runs bytes through a (de)compression stream, stopping once more than `limit` bytes came out. */
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array | 'too-big'> {
  const writer = stream.writable.getWriter();
  const done = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  done.catch(() => undefined); // the reader reports the same failure
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    size += value.length;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      return 'too-big';
    }
    parts.push(value);
  }
  await done;
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** Encodes the state as the fragment `share=v1.<data>` (without '#'). */
export async function encodeShare(state: SharedState): Promise<string> {
  const text = new TextEncoder().encode(JSON.stringify(state));
  const packed = await pipe(text, new CompressionStream('deflate-raw'));
  if (packed === 'too-big') throw new Error('unreachable');
  const out = new Uint8Array(4 + packed.length);
  new DataView(out.buffer).setUint32(0, crc32(text));
  out.set(packed, 4);
  return SHARE_PREFIX + toBase64Url(out);
}

/** The `data` of a share fragment in a location hash, or null when the hash is not a share link. */
export function shareData(hash: string): string | null {
  const h = hash.replace(/^#/, '');
  return h.startsWith('share=') ? h.slice('share='.length) : null;
}

const BROKEN = 'The share link is damaged: it was probably cut short when it was copied, or altered. Ask for the link again.';

/** Decodes the `data` part (after "share="). Never throws. */
export async function decodeShare(data: string): Promise<DecodeResult> {
  if (!data.startsWith('v1.')) return { ok: false, error: `This share link has an unknown version ("${data.slice(0, 8)}…"): it was made by another version of VPC Lab.` };
  const body = data.slice(3);
  if (body.length > MAX_ENCODED) return { ok: false, error: `This share link is too long (${Math.round(body.length / 1000)} KB; at most ${MAX_ENCODED / 1000} KB). Share the network as an exported file instead.` };
  const bytes = fromBase64Url(body);
  if (!bytes || bytes.length < 5) return { ok: false, error: BROKEN };
  let text: Uint8Array | 'too-big';
  try {
    text = await pipe(bytes.subarray(4), new DecompressionStream('deflate-raw'), MAX_DECODED);
  } catch {
    return { ok: false, error: BROKEN };
  }
  if (text === 'too-big') return { ok: false, error: `This share link unpacks to more than ${MAX_DECODED / 1e6} MB, more than VPC Lab accepts from a link.` };
  if (crc32(text) !== new DataView(bytes.buffer, bytes.byteOffset).getUint32(0)) return { ok: false, error: BROKEN };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(text);
  } catch {
    return { ok: false, error: BROKEN };
  }
  return checkState(json);
}

/** Checks the decoded JSON text: a snapshot AWS would accept, and well-formed lab progress. */
export function checkState(json: string): DecodeResult {
  const parsed = parseJsonSafely(json);
  if (!parsed.ok) return { ok: false, error: `The share link does not hold valid JSON (${parsed.error?.message}).` };
  if (parsed.dropped.length > 0) return { ok: false, error: 'The share link holds forbidden keys (such as "__proto__"): it was not made by VPC Lab.' };
  const v = parsed.value as Partial<SharedState> | null;
  if (!v || typeof v !== 'object' || !v.doc || typeof v.doc !== 'object' || Array.isArray(v.doc)) return { ok: false, error: 'The share link does not hold a VPC Lab network.' };
  const diags = validateSnapshot(v.doc);
  if (hasErrors(diags)) return { ok: false, error: `The network in the share link is not valid: ${diags.find((d) => d.severity === 'error')!.message}` };
  const lab = v.lab === undefined ? undefined : sharedLab(v.lab);
  if (lab === null) return { ok: false, error: 'The lab progress in the share link is not valid.' };
  return { ok: true, state: lab ? { doc: v.doc, lab } : { doc: v.doc } };
}

function sharedLab(x: unknown): SharedLab | null {
  const l = x as SharedLab;
  if (!l || typeof l !== 'object' || !Number.isInteger(l.step) || l.step < 0 || !l.passed || typeof l.passed !== 'object') return null;
  const s = l.source as { kind?: string; id?: unknown; url?: unknown; text?: unknown } | undefined;
  const okSource = (s?.kind === 'builtin' && typeof s.id === 'string') || (s?.kind === 'url' && typeof s.url === 'string' && /^https?:\/\//.test(s.url)) || (s?.kind === 'inline' && typeof s.text === 'string');
  if (!okSource) return null;
  const passed: SharedLab['passed'] = {};
  for (const [k, t] of Object.entries(l.passed)) {
    if (!t || typeof t.sim !== 'number' || typeof t.wall !== 'number') return null;
    passed[k] = { sim: t.sim, wall: t.wall };
  }
  // Damaged runs are left out, as a damaged save's are: the rest of the progress still holds.
  return l.runs === undefined ? { source: l.source, step: l.step, passed } : { source: l.source, step: l.step, passed, runs: parseQueryRuns(l.runs) };
}
