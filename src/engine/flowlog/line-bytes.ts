/**
 * Writing many record lines at once as ASCII bytes into one buffer, decoded into one string
 * that every line is a slice of. Joining each line's items allocated a fresh string per record
 * and copied it through the young generation; here a line costs a few byte writes and a
 * slice (a small fixed-size string pointing into the shared text).
 */

/** Turns ASCII bytes into the text they spell. */
export type Decoder = (bytes: Uint8Array) => string;

/** The members of Node's Buffer this module uses. */
interface NodeBuffer {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { latin1Slice(start: number, end: number): string };
}

/**
 * Node's Buffer latin1 slice, where it exists (the CLI and `npm run bench`): measured on 10 MB of
 * lines, 0.6 ms against 6.5 ms for Node's TextDecoder. Browsers have no Buffer.
 */
function nodeBufferDecoder(): Decoder | null {
  const buffer = (globalThis as unknown as { Buffer?: NodeBuffer }).Buffer;
  if (typeof buffer?.from !== 'function' || typeof buffer.from(new ArrayBuffer(1), 0, 1).latin1Slice !== 'function') return null;
  return (bytes) => buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).latin1Slice(0, bytes.length);
}

/** The platform's UTF-8 TextDecoder (every browser and Node have one). */
function textDecoder(): Decoder | null {
  const ctor = (globalThis as unknown as { TextDecoder?: new () => { decode(bytes: Uint8Array): string } }).TextDecoder;
  if (typeof ctor !== 'function') return null;
  const decoder = new ctor();
  return (bytes) => decoder.decode(bytes);
}

/**
 * The ways this runtime has from ASCII bytes to a string, fastest first; for ASCII input each
 * gives the text the bytes spell (latin1 and UTF-8 agree on it). Looked up through globalThis
 * because the engine compiles without the DOM or Node typings. Exported for tests, which check
 * every one.
 */
export const DECODERS: readonly Decoder[] = [nodeBufferDecoder(), textDecoder()].filter((d): d is Decoder => d !== null);

/** The fastest decoder, or null where there is none: callers then join lines instead. */
const DECODE: Decoder | null = DECODERS[0] ?? null;

/** True when this runtime can decode byte lines (see DECODE). */
export const canWriteLineBytes = DECODE !== null;

const DOT = 46;
const DASH = 45;
const ZERO = 48;

/** The ASCII bytes of a text, or null when it has a character outside ASCII. */
export function asciiBytes(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return null;
    out[i] = c;
  }
  return out;
}

// One small buffer reused by every call (each call decodes what it wrote before returning). A
// large one (megabytes, for a big import's traffic) is kept only weakly: reused while the
// garbage collector leaves it, never holding memory against it.
const KEEP_BYTES = 1 << 16;
const small = new Uint8Array(KEEP_BYTES);
let large: WeakRef<Uint8Array> | null = null;

/**
 * Lines written as bytes, one after another. Writers are plain functions over (bytes, position)
 * returning the new position: the hot loop keeps both in locals instead of an object's fields.
 */
export class LineBytes {
  bytes: Uint8Array;
  pos = 0;

  /** A writer for about `expected` bytes (it grows past that when needed). */
  constructor(expected: number) {
    const kept = expected <= KEEP_BYTES ? small : large?.deref();
    this.bytes = kept !== undefined && kept.length >= expected ? kept : new Uint8Array(expected);
  }

  /** Makes room for `n` more bytes, and returns the buffer to write into. */
  reserve(n: number): Uint8Array {
    if (this.pos + n <= this.bytes.length) return this.bytes;
    let size = this.bytes.length * 2;
    while (size < this.pos + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.pos));
    return (this.bytes = grown);
  }

  /** Everything written, as one string (ASCII bytes decode to the characters they spell). */
  text(): string {
    if (this.bytes.length > KEEP_BYTES) large = new WeakRef(this.bytes);
    return (DECODE as Decoder)(this.bytes.subarray(0, this.pos));
  }
}

/**
 * Copies constant text (its bytes from asciiBytes). A byte loop costs about 1.5 ns a byte and
 * `set` about 20 ns a call: a separator takes the loop, an interface's constant run `set`.
 */
export function putBytes(bytes: Uint8Array, p: number, text: Uint8Array): number {
  const n = text.length;
  if (n > 12) {
    bytes.set(text, p);
    return p + n;
  }
  for (let i = 0; i < n; i++) bytes[p + i] = text[i];
  return p + n;
}

export function putDash(bytes: Uint8Array, p: number): number {
  bytes[p] = DASH;
  return p + 1;
}

/**
 * A number in decimal, as String(n) writes it. Small enough to be inlined, so that a double
 * read from the flow table reaches putInt as an integer instead of being boxed for the call.
 */
export function putNumber(bytes: Uint8Array, p: number, n: number): number {
  return (n | 0) === n && n >= 0 ? putInt(bytes, p, n | 0) : putText(bytes, p, String(n));
}

/** Two decimal digits per entry, "00" to "99": one division writes two digits. */
const DIGIT_PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  DIGIT_PAIRS[2 * i] = ZERO + ((i / 10) | 0);
  DIGIT_PAIRS[2 * i + 1] = ZERO + (i % 10);
}

/** A non-negative 31-bit integer in decimal. */
function putInt(bytes: Uint8Array, p: number, n: number): number {
  const end = p + digits(n);
  p = end;
  while (n >= 100) {
    const q = (n / 100) | 0;
    const r = (n - q * 100) << 1;
    bytes[--p] = DIGIT_PAIRS[r + 1];
    bytes[--p] = DIGIT_PAIRS[r];
    n = q;
  }
  if (n >= 10) {
    bytes[--p] = DIGIT_PAIRS[(n << 1) + 1];
    bytes[--p] = DIGIT_PAIRS[n << 1];
  } else {
    bytes[--p] = ZERO + n;
  }
  return end;
}

function putText(bytes: Uint8Array, p: number, text: string): number {
  for (let i = 0; i < text.length; i++) bytes[p++] = text.charCodeAt(i);
  return p;
}

/** An IPv4 address (unsigned 32-bit) in dotted decimal. */
export function putIpv4(bytes: Uint8Array, p: number, ip: number): number {
  p = putOctet(bytes, p, ip >>> 24);
  bytes[p++] = DOT;
  p = putOctet(bytes, p, (ip >>> 16) & 255);
  bytes[p++] = DOT;
  p = putOctet(bytes, p, (ip >>> 8) & 255);
  bytes[p++] = DOT;
  return putOctet(bytes, p, ip & 255);
}

function putOctet(bytes: Uint8Array, p: number, o: number): number {
  if (o >= 100) {
    const h = (o / 100) | 0;
    bytes[p++] = ZERO + h;
    o -= h * 100;
    const t = (o / 10) | 0;
    bytes[p++] = ZERO + t;
    bytes[p++] = ZERO + o - t * 10;
  } else if (o >= 10) {
    const t = (o / 10) | 0;
    bytes[p++] = ZERO + t;
    bytes[p++] = ZERO + o - t * 10;
  } else {
    bytes[p++] = ZERO + o;
  }
  return p;
}

function digits(n: number): number {
  if (n < 100000) return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : 5;
  return n < 1000000 ? 6 : n < 10000000 ? 7 : n < 100000000 ? 8 : n < 1000000000 ? 9 : 10;
}
