/**
 * A quick yes/no shape test derived from the snapshot schema, for the common case of a document
 * that has no shape problem. `SnapshotSchema.safeParse` builds a full copy of the document (one
 * new object per node) even when there is nothing to report; this test only reads. It answers
 * "valid" only when zod would find no issue; when it answers "invalid" (or cannot be built for a
 * schema construct it does not know), the caller runs zod for the issues, so the diagnostics are
 * exactly zod's.
 */

/** The parts of a zod 4 schema definition this module reads. */
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: { check?: string; format?: string } } }>;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  innerType?: Schema;
  options?: Schema[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  discriminator?: unknown;
  inclusive?: boolean;
  coerce?: boolean;
}

interface Schema {
  _zod: { def: Def };
}

/** True when the value is valid for the schema; never false for a value zod accepts. */
export type Test = (v: unknown) => boolean;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The test for one schema, or null when the schema uses something this module does not mirror. */
function build(schema: Schema): Test | null {
  const def = schema._zod.def;
  if (def.coerce) return null;
  const checks = def.checks ?? [];
  if (def.type === 'number') {
    if (checks.length === 0) return (v) => typeof v === 'number' && Number.isFinite(v);
    if (checks.every((c) => c._zod.def.check === 'number_format' && c._zod.def.format === 'safeint')) {
      return (v) => typeof v === 'number' && Number.isSafeInteger(v);
    }
    return null;
  }
  if (checks.length > 0) return null;
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'unknown':
    case 'any':
      return () => true;
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (v) => allowed.has(v);
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      return (v) => allowed.has(v);
    }
    case 'optional': {
      const inner = def.innerType && build(def.innerType);
      if (!inner || def.innerType!._zod.def.type === 'default') return null;
      return (v) => v === undefined || inner(v);
    }
    case 'array': {
      const element = def.element && build(def.element);
      if (!element) return null;
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'union': {
      if (def.discriminator !== undefined || def.inclusive === false || !def.options) return null;
      const options = def.options.map(build);
      if (options.some((o) => o === null)) return null;
      const tests = options as Test[];
      return (v) => tests.some((t) => t(v));
    }
    case 'object': {
      // Loose (catchall unknown) or stripping (no catchall): extra keys are never an issue.
      const catchall = def.catchall?._zod.def.type;
      if (catchall !== undefined && catchall !== 'unknown' && catchall !== 'any') return null;
      const keys: string[] = [];
      const tests: Test[] = [];
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        if (key === '__proto__') continue; // zod skips it too
        const t = build(field);
        if (!t) return null;
        keys.push(key);
        tests.push(t);
      }
      return (v) => {
        if (!isObject(v)) return false;
        for (let i = 0; i < keys.length; i++) if (!tests[i]!(v[keys[i]!])) return false;
        return true;
      };
    }
    default:
      return null;
  }
}

/** Builds the quick test for a zod schema; null when it cannot be mirrored (then always run zod). */
export function quickShapeTest(schema: unknown): Test | null {
  try {
    return build(schema as Schema);
  } catch {
    return null;
  }
}

/** A quick test that remembers, per top-level key, the list elements (or the value) that passed. */
export type MemoTest = (v: unknown, passed: Map<string, WeakSet<object>>) => boolean;

/**
 * The quick test of a document schema (a loose object of optional lists), split so that an
 * incremental validator tests only the resources it has not seen pass before: what
 * quickShapeTest(schema) answers, element by element. Null when the schema is not of that form
 * or a part cannot be mirrored (then the caller uses quickShapeTest or zod).
 */
export function quickShapeTestByKey(schema: unknown): MemoTest | null {
  try {
    const def = (schema as Schema)._zod.def;
    if (def.type !== 'object' || def.checks?.length || def.coerce) return null;
    const catchall = def.catchall?._zod.def.type;
    if (catchall !== undefined && catchall !== 'unknown' && catchall !== 'any') return null;
    const fields: Array<{ key: string; element: Test | null; whole: Test }> = [];
    for (const [key, field] of Object.entries(def.shape ?? {})) {
      if (key === '__proto__') continue;
      const whole = build(field);
      if (!whole) return null;
      // optional(array(X)) with nothing else: its elements can be tested (and remembered) one by one.
      const fd = field._zod.def;
      const array = fd.type === 'optional' && !fd.checks?.length && fd.innerType ? fd.innerType._zod.def : null;
      const element = array && array.type === 'array' && !array.checks?.length && !array.coerce && array.element ? build(array.element) : null;
      fields.push({ key, element, whole });
    }
    return (v, passed) => {
      if (!isObject(v)) return false;
      for (const { key, element, whole } of fields) {
        const value = v[key];
        let seen = passed.get(key);
        if (!seen) passed.set(key, (seen = new WeakSet()));
        if (element === null || !Array.isArray(value)) {
          if (value !== null && typeof value === 'object' && seen.has(value)) continue;
          if (!whole(value)) return false;
          if (value !== null && typeof value === 'object') seen.add(value);
          continue;
        }
        if (seen.has(value)) continue; // an unchanged list: every element passed
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          const remember = item !== null && typeof item === 'object';
          if (remember && seen.has(item)) continue;
          if (!element(item)) return false;
          if (remember) seen.add(item);
        }
        seen.add(value);
      }
      return true;
    };
  } catch {
    return null;
  }
}
