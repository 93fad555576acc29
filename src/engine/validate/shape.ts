import { jsonPath } from '../diagnostics.ts';
import { SnapshotSchema } from '../model/schema.ts';
import type { Ctx } from './context.ts';
import { KIND_OF_KEY, describe } from './names.ts';
import { type Obj, type Path, at, isObj } from './read.ts';
import { alternatives, expectedPhrase, valuePhrase } from './shape-words.ts';
import { quickShapeTest, quickShapeTestByKey } from './fast-shape.ts';

/** A read-only test that passes only documents zod accepts: valid documents skip zod's full copy. */
const isValidShape = quickShapeTest(SnapshotSchema);
/** The same test resource by resource, for an incremental validator: it skips those that passed before. */
const isValidShapeByKey = quickShapeTestByKey(SnapshotSchema);

/** The parts of a zod issue this module reads (kept local so zod internals can change). */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  errors?: Issue[][];
}

/** The resource a path falls in ("Subnet subnet-0abc ("web")"), if the path is inside one. */
function resourceOf(doc: Obj, path: Path): string | undefined {
  const [key, index] = path;
  const kind = typeof key === 'string' ? KIND_OF_KEY.get(key) : undefined;
  if (!kind || typeof index !== 'number' || path.length < 3) return undefined;
  const r = at(doc, [key, index]);
  return isObj(r) ? describe(kind, r, [key, index]) : undefined;
}

function allowedValues(issue: Issue): unknown[] | undefined {
  if (issue.values) return issue.values;
  const nested = issue.errors?.flat().flatMap((e) => (e.code === 'invalid_value' && e.path.length === 0 ? e.values ?? [] : []));
  return nested && nested.length > 0 ? nested : undefined;
}

/**
 * Runs the document through the snapshot schema (the single definition of its shape) and
 * turns each zod issue into a sentence pointing at the field.
 */
export function checkShape(ctx: Ctx): void {
  let valid = false;
  try {
    const memo = ctx.memo?.shapeOk;
    valid = memo && isValidShapeByKey ? isValidShapeByKey(ctx.doc, memo) : isValidShape !== null && isValidShape(ctx.doc);
  } catch {
    // A throwing getter or a cycle: zod below meets the same document and decides.
  }
  if (valid) return;
  const result = SnapshotSchema.safeParse(ctx.doc);
  if (result.success) return;
  for (const issue of result.error.issues as unknown as Issue[]) {
    const path: Path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const value = at(ctx.doc, path);
    const resource = resourceOf(ctx.doc, path);
    const where = `${jsonPath(path)}${resource ? ` of ${resource}` : ''}`;
    if (issue.code === 'invalid_type' && issue.expected) {
      if (value === undefined && path.length > 0) {
        const field = String(path[path.length - 1]);
        const owner = path.length === 3 && resource ? resource : `${jsonPath(path.slice(0, -1))}${resource ? ` of ${resource}` : ''}`;
        ctx.report('MISSING_FIELD', path, `${owner} has no ${field}: add "${field}", ${expectedPhrase(issue.expected, path)}.`);
      } else {
        ctx.report('WRONG_TYPE', path, `${where} must be ${expectedPhrase(issue.expected, path)}, not ${valuePhrase(value)}.`);
      }
      continue;
    }
    const allowed = issue.code === 'invalid_value' || issue.code === 'invalid_union' ? allowedValues(issue) : undefined;
    if (issue.code === 'too_big' || issue.code === 'too_small') {
      const size = issue.code === 'too_big' ? 'too large' : 'too small';
      ctx.report('SHAPE_INVALID', path, `${where} is ${valuePhrase(value)}, which is ${size} here: use ${expectedPhrase('int', path)}.`);
    } else if (allowed) {
      ctx.report('INVALID_VALUE', path, `${where} is ${valuePhrase(value)}, but it must be ${alternatives(allowed)}.`);
    } else {
      ctx.report('SHAPE_INVALID', path, `${where} is not valid: ${issue.message.replace(/\.$/, '')}.`);
    }
  }
}
