import type { Ctx, Finding } from './context.ts';
import { type LocalResult, type RelativeFinding, slot } from './memo.ts';
import type { Obj, Path } from './read.ts';

/** A resource as a local check sees it: its object, where it is, and its name in sentences. */
interface Subject {
  r: Obj;
  path: Path;
  label: string;
}

function startsWith(path: Path, prefix: Path): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

/**
 * Runs a check whose findings depend on one resource only: its fields, its label, and paths
 * below its own. Without a memo it just runs. With one, the findings are kept per resource
 * object (paths relative to the resource) and replayed, re-anchored at the resource's current
 * path, while the object and its label stay the same; `extra` is whatever the check returns for
 * its cross-resource part (it must not depend on the resource's index either).
 */
export function localCheck<X>(ctx: Ctx, name: string, e: Subject, check: (ctx: Ctx) => X): X {
  const memo = ctx.memo;
  if (!memo) return check(ctx);
  const table = slot(memo.local, name, () => new WeakMap<object, LocalResult<unknown>>());
  const hit = table.get(e.r) as LocalResult<X> | undefined;
  if (hit && hit.label === e.label) {
    for (const f of hit.findings) ctx.report(f.code, [...e.path, ...f.rel], f.message);
    return hit.extra;
  }
  const findings: RelativeFinding[] = [];
  let relative = true;
  const recording: Ctx = {
    ...ctx,
    report(code: Finding['code'], path: Path, message: string) {
      ctx.report(code, path, message);
      if (startsWith(path, e.path)) findings.push({ code, rel: path.slice(e.path.length), message });
      else relative = false; // a finding outside the resource: not this helper's kind of check, never replay it
    },
  };
  const extra = check(recording);
  if (relative) table.set(e.r, { label: e.label, findings, extra });
  return extra;
}

/**
 * Runs a whole check, or with a memo replays its findings when everything it reads is what it
 * read last time: `deps` lists those inputs (lists of the document, indexes of the context,
 * which are the same objects while their lists are the same arrays), compared by identity. The
 * paths are replayed as they were, so `deps` must pin every list whose indexes the paths hold.
 * Only the last run of each check is kept (it is usually the previous document's).
 */
export function wholeCheck(ctx: Ctx, name: string, deps: readonly unknown[], check: (ctx: Ctx) => void): void {
  const memo = ctx.memo;
  if (!memo) return check(ctx);
  const last = memo.checks.get(name);
  if (last && last.deps.length === deps.length && last.deps.every((d, i) => d === deps[i])) {
    for (const f of last.findings) ctx.report(f.code, f.path, f.message);
    return;
  }
  const findings: Finding[] = [];
  check({ ...ctx, report(code, path, message) {
    ctx.report(code, path, message);
    findings.push({ code, path, message });
  } });
  memo.checks.set(name, { deps, findings });
}
