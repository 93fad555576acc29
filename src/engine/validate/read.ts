/**
 * Tolerant readers: the checks run on documents that may have failed the shape check, so every
 * field is read as `unknown` and narrowed here. A value of the wrong type reads as "absent"
 * (the shape check has already reported it), never as a crash.
 */

/** A JSON object. */
export type Obj = Record<string, unknown>;

/** A JSON path as keys and indexes: ['Vpcs', 0, 'CidrBlock']. */
export type Path = ReadonlyArray<string | number>;

/** The declared fields of a schema type, each `unknown` (the index signature of loose objects dropped). */
export type Fields<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]?: unknown };

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The objects of a list with their indexes; anything else (or a non-list) gives nothing. */
export function items<T = Obj>(v: unknown): Array<[Fields<T> & Obj, number]> {
  const out: Array<[Fields<T> & Obj, number]> = [];
  if (!Array.isArray(v)) return out;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (isObj(x)) out.push([x as Fields<T> & Obj, i]);
  }
  return out;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function int(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/** An own property only: never reads through the prototype chain (for keys that come from the document). */
export function own(o: unknown, key: string | number): unknown {
  if (typeof key === 'number') return Array.isArray(o) ? o[key] : undefined;
  return isObj(o) && Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Reads a path through own properties; undefined when any step is missing. */
export function at(root: unknown, path: Path): unknown {
  let cur = root;
  for (const p of path) {
    cur = own(cur, p);
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Shortens text quoted from the document so that one huge value cannot flood a message. */
export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Quotes document text for a message: "web". */
export function quote(text: string): string {
  return JSON.stringify(clip(text));
}

/** The value when it is an object, else undefined: for optional nested objects such as Status or CidrBlockState. */
export function objOf(v: unknown): Obj | undefined {
  return isObj(v) ? v : undefined;
}
