/**
 * CloudWatch Logs filter patterns, as metric filters use them on flow logs: the space-delimited
 * form `[version, account, eni, source, destination, srcport, destport="22", protocol="6",
 * packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]` (named fields,
 * `...` for any number of fields, `= != < <= > >=`, `*` wildcards, `%regex%`, `&&` and `||`),
 * and plain term patterns (`REJECT`, `"REJECT OK"`, `?a ?b`, `-term`). An empty pattern
 * matches every event. Parsing never throws: errors say what was expected and where.
 */

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** The value side of a condition. */
export type PatternValue =
  | { kind: 'number'; value: number; text: string }
  | { kind: 'text'; value: string; quoted: boolean }
  | { kind: 'regex'; source: string; regex: RegExp };

/** `name op value`. */
export interface Condition { field: string; op: CompareOp; value: PatternValue }

/** Conditions of one field joined by `&&` / `||` (left to right, `&&` binding tighter). */
export type CondExpr = { kind: 'cond'; cond: Condition } | { kind: 'and' | 'or'; left: CondExpr; right: CondExpr };

/** One position of a space-delimited pattern. */
export type PatternField = { kind: 'ellipsis' } | { kind: 'field'; name: string; test: CondExpr | null };

export type FilterPattern =
  | { kind: 'all' }
  | { kind: 'delimited'; fields: PatternField[]; names: string[] }
  | { kind: 'terms'; all: string[]; any: string[]; none: string[] };

/** A parse error: message and 0-based offset in the pattern text. */
export interface PatternError { message: string; offset: number }

export type ParsedPattern = { ok: true; pattern: FilterPattern } | { ok: false; error: PatternError };

class Fail { constructor(readonly message: string, readonly offset: number) {} }

/** Parses a filter pattern. */
export function parseFilterPattern(text: string): ParsedPattern {
  try {
    const t = text.trim();
    if (t === '') return { ok: true, pattern: { kind: 'all' } };
    const lead = text.length - text.trimStart().length;
    if (t.startsWith('[')) return { ok: true, pattern: new Delimited(text, lead + 1).parse() };
    if (t.startsWith('{')) throw new Fail('JSON filter patterns ({ $.field = value }) apply to JSON log events; flow-log records are space-delimited: use [field, ...]', lead);
    return { ok: true, pattern: terms(text) };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: { message: e.message, offset: e.offset } };
    throw e;
  }
}

function terms(text: string): FilterPattern {
  const out = { kind: 'terms' as const, all: [] as string[], any: [] as string[], none: [] as string[] };
  // Sticky: a term must start where the previous one ended, so a stray quote is not skipped.
  const re = /\s*([?-]?)("(?:[^"\\]|\\.)*"|[^\s"]+)/y;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(text))) {
    end = re.lastIndex;
    if (m[2].startsWith('"') && (m[2].length < 2 || !m[2].endsWith('"'))) throw new Fail('unterminated quoted term', m.index);
    const word = m[2].startsWith('"') ? m[2].slice(1, -1).replace(/\\(.)/g, '$1') : m[2];
    (m[1] === '?' ? out.any : m[1] === '-' ? out.none : out.all).push(word);
  }
  const rest = text.slice(end).trim();
  if (rest.startsWith('"')) throw new Fail('unterminated quoted term', text.lastIndexOf('"'));
  return out;
}

const NAME = /^[A-Za-z_][\w-]*/;
const OPS: CompareOp[] = ['!=', '<=', '>=', '=', '<', '>'];

/** A cursor over a `[...]` pattern. */
class Delimited {
  constructor(private readonly s: string, private i: number) {}

  parse(): FilterPattern {
    const fields: PatternField[] = [];
    const names: string[] = [];
    for (;;) {
      this.ws();
      if (this.s.startsWith('...', this.i)) {
        this.i += 3;
        fields.push({ kind: 'ellipsis' });
      } else {
        const at = this.i;
        const name = this.name(`expected a field name or "..." for field ${fields.length + 1}`);
        if (names.includes(name)) throw new Fail(`field name "${name}" is used twice`, at);
        names.push(name);
        this.ws();
        const test = this.peekOp() ? this.expr(name) : null;
        fields.push({ kind: 'field', name, test });
      }
      this.ws();
      const c = this.s[this.i];
      if (c === ',') { this.i++; continue; }
      if (c === ']') { this.i++; break; }
      if (c === undefined) throw new Fail('expected "]" at the end of the pattern', this.i);
      throw new Fail(`expected "," or "]" after field ${fields.length}, found "${c}"`, this.i);
    }
    this.ws();
    if (this.i < this.s.length) throw new Fail('unexpected text after "]"', this.i);
    for (const f of fields) if (f.kind === 'field' && f.test) this.checkNames(f.test, names);
    return { kind: 'delimited', fields, names };
  }

  private checkNames(e: CondExpr, names: string[]): void {
    if (e.kind === 'cond') {
      if (!names.includes(e.cond.field)) throw new Fail(`"${e.cond.field}" is not a field of this pattern`, 0);
    } else { this.checkNames(e.left, names); this.checkNames(e.right, names); }
  }

  private ws(): void { while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++; }

  private name(expected: string): string {
    const m = NAME.exec(this.s.slice(this.i));
    if (!m) throw new Fail(`${expected}, found ${this.found()}`, this.i);
    this.i += m[0].length;
    return m[0];
  }

  private found(): string {
    const c = this.s[this.i];
    return c === undefined ? 'the end of the pattern' : `"${c}"`;
  }

  private peekOp(): CompareOp | null {
    return OPS.find((o) => this.s.startsWith(o, this.i)) ?? null;
  }

  /** `op value` for `field`, then `&& name op value` / `|| name op value`. */
  private expr(field: string): CondExpr {
    let left = this.cond(field);
    for (;;) {
      this.ws();
      const both = this.s.startsWith('&&', this.i);
      if (!both && !this.s.startsWith('||', this.i)) return left;
      this.i += 2;
      this.ws();
      const name = this.name(`expected a field name after "${both ? '&&' : '||'}"`);
      this.ws();
      const right = this.cond(name);
      left = both && left.kind === 'or' ? { kind: 'or', left: left.left, right: { kind: 'and', left: left.right, right } } : { kind: both ? 'and' : 'or', left, right };
    }
  }

  private cond(field: string): CondExpr {
    const op = this.peekOp();
    if (!op) throw new Fail(`expected an operator (= != < <= > >=) after "${field}", found ${this.found()}`, this.i);
    this.i += op.length;
    this.ws();
    const at = this.i;
    const value = this.value(op);
    if (op !== '=' && op !== '!=' && value.kind !== 'number') throw new Fail(`"${op}" compares numbers: give a number after "${field} ${op}"`, at);
    return { kind: 'cond', cond: { field, op, value } };
  }

  private value(op: CompareOp): PatternValue {
    const c = this.s[this.i];
    if (c === '"') {
      const end = this.s.indexOf('"', this.i + 1);
      if (end < 0) throw new Fail('unterminated string: expected a closing "', this.i);
      const value = this.s.slice(this.i + 1, end);
      this.i = end + 1;
      return { kind: 'text', value, quoted: true };
    }
    if (c === '%') {
      const end = this.s.indexOf('%', this.i + 1);
      if (end < 0) throw new Fail('unterminated regular expression: expected a closing %', this.i);
      const source = this.s.slice(this.i + 1, end);
      let regex: RegExp;
      try { regex = new RegExp(source); } catch { throw new Fail(`"${source}" is not a valid regular expression`, this.i); }
      this.i = end + 1;
      return { kind: 'regex', source, regex };
    }
    const m = /^[^\s,\]&|]+/.exec(this.s.slice(this.i));
    if (!m) throw new Fail(`expected a value after "${op}", found ${this.found()}`, this.i);
    this.i += m[0].length;
    const n = Number(m[0]);
    return /^-?\d+(\.\d+)?$/.test(m[0]) && Number.isFinite(n) ? { kind: 'number', value: n, text: m[0] } : { kind: 'text', value: m[0], quoted: false };
  }
}
