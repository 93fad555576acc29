/**
 * Finds where JSON text first goes wrong, as an offset, and what was expected there. V8 (Node
 * 20) does not always say where a parse failed, and a learner needs the line and column. A
 * small iterative scanner (an explicit stack, so deep nesting cannot overflow); it runs only
 * after JSON.parse has already failed.
 */
export interface JsonFault {
  offset: number;
  expected: string;
}

/** A container being read: which kind, and whether the next token may close it. */
interface Frame {
  kind: 'object' | 'array';
  /** 'first': just opened; 'next': after a comma; 'after': after a value. */
  at: 'first' | 'next' | 'after';
}

const NUMBER_OR_LITERAL = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

export function findJsonFault(text: string): JsonFault {
  let i = 0;
  const stack: Frame[] = [];
  const fault = (expected: string): JsonFault => ({ offset: Math.min(i, text.length), expected });
  const skip = () => { while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++; };

  function scanString(): JsonFault | null {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') { i++; return null; }
      if (c === '\\') {
        const n = text[i + 1];
        if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2;
        else return fault('a valid escape such as \\n or \\" after the backslash');
      } else if (c < ' ') return fault('a closing double quote before the end of the line');
      else i++;
    }
    return fault('a closing double quote');
  }

  /** Reads one value; containers are pushed and read by the loop below. */
  function scanValue(): JsonFault | null {
    skip();
    const c = text[i];
    if (c === undefined) return fault('a value');
    if (c === '"') return scanString();
    if (c === '{' || c === '[') { stack.push({ kind: c === '{' ? 'object' : 'array', at: 'first' }); i++; return null; }
    const m = NUMBER_OR_LITERAL.exec(text.slice(i, i + 400));
    if (!m) return fault('a value: a "string" in double quotes, a number, true, false, null, {…} or […]');
    i += m[0].length;
    return null;
  }

  let f = scanValue();
  if (f) return f;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const close = top.kind === 'object' ? '}' : ']';
    skip();
    const c = text[i];
    if (top.at === 'after') {
      if (c === ',') { top.at = 'next'; i++; continue; }
      if (c === close) { stack.pop(); i++; if (stack.length) stack[stack.length - 1].at = 'after'; continue; }
      return fault(`"," or "${close}"`);
    }
    if (c === close) {
      if (top.at === 'next') return fault(`another ${top.kind === 'object' ? '"key": value' : 'value'} after the comma (JSON allows no trailing comma)`);
      stack.pop(); i++;
      if (stack.length) stack[stack.length - 1].at = 'after';
      continue;
    }
    const depth = stack.length;
    top.at = 'after';
    if (top.kind === 'object') {
      if (c !== '"') return fault('a "key" in double quotes');
      if ((f = scanString())) return f;
      skip();
      if (text[i] !== ':') return fault('a colon after the key');
      i++;
    }
    if ((f = scanValue())) return f;
    // A value that opened a container leaves it on the stack; its parent resumes 'after' it.
    if (stack.length === depth) continue;
  }
  skip();
  return i < text.length ? fault('the end of the document: only one JSON value is allowed') : { offset: text.length, expected: 'valid JSON' };
}
