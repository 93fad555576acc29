/** Matching log events against a parsed filter pattern. */
import type { CondExpr, Condition, FilterPattern, PatternField } from './filter-pattern.ts';

/** What a match extracted: the named fields' text, for `$field` metric values. */
export type Captures = Record<string, string>;

const wildcard = new Map<string, RegExp>();
function globMatch(glob: string, text: string): boolean {
  if (!glob.includes('*')) return glob === text;
  let re = wildcard.get(glob);
  if (!re) wildcard.set(glob, (re = new RegExp(`^${glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's')));
  return re.test(text);
}

function test(c: Condition, caps: Captures): boolean {
  const raw = caps[c.field];
  if (raw === undefined) return false;
  const v = c.value;
  if (v.kind === 'regex') return (c.op === '=') === v.regex.test(raw);
  if (v.kind === 'number') {
    const n = Number(raw);
    if (raw === '' || raw === '-' || !Number.isFinite(n)) return c.op === '!=';
    switch (c.op) {
      case '=': return n === v.value;
      case '!=': return n !== v.value;
      case '<': return n < v.value;
      case '<=': return n <= v.value;
      case '>': return n > v.value;
      case '>=': return n >= v.value;
    }
  }
  const eq = globMatch(v.value, raw);
  return c.op === '=' ? eq : !eq;
}

function evaluate(e: CondExpr, caps: Captures): boolean {
  if (e.kind === 'cond') return test(e.cond, caps);
  return e.kind === 'and' ? evaluate(e.left, caps) && evaluate(e.right, caps) : evaluate(e.left, caps) || evaluate(e.right, caps);
}

/** Binds pattern fields to tokens; `...` takes any number of tokens (backtracking). */
function bind(fields: PatternField[], tokens: string[], fi: number, ti: number, caps: Captures): boolean {
  if (fi === fields.length) return ti === tokens.length;
  const f = fields[fi];
  if (f.kind === 'ellipsis') {
    for (let k = tokens.length; k >= ti; k--) if (bind(fields, tokens, fi + 1, k, caps)) return true;
    return false;
  }
  if (ti >= tokens.length) return false;
  caps[f.name] = tokens[ti];
  return bind(fields, tokens, fi + 1, ti + 1, caps);
}

/**
 * Matches one event's message. Returns the captures of a delimited pattern (an empty object
 * for other patterns) or null when the event does not match.
 */
export function matchEvent(p: FilterPattern, message: string): Captures | null {
  if (p.kind === 'all') return {};
  if (p.kind === 'terms') {
    if (!p.all.every((t) => message.includes(t))) return null;
    if (p.any.length && !p.any.some((t) => message.includes(t))) return null;
    if (p.none.some((t) => message.includes(t))) return null;
    return {};
  }
  const tokens = message.trim().split(/\s+/);
  const caps: Captures = {};
  if (!bind(p.fields, tokens, 0, 0, caps)) return null;
  for (const f of p.fields) if (f.kind === 'field' && f.test && !evaluate(f.test, caps)) return null;
  return caps;
}
