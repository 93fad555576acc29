/**
 * Inline Markdown for lab text: `code`, **strong**, *emphasis*, [links](https://…) and
 * backslash escapes. Every character of the input reaches the output through escapeHtml; the
 * only tags are the ones written here, and a link's address must be http(s), so nothing in a
 * lab file can inject markup or script.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Link addresses a lab may use: absolute http(s) URLs without spaces, quotes or angle brackets. */
export const SAFE_URL = /^https?:\/\/[^\s<>"'`\\]+$/i;

const ESCAPABLE = new Set('\\`*_[](){}#+-.!>|~'.split(''));
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** Finds the closing delimiter of an emphasis run opened at `open`, or -1. */
function closingOf(s: string, delim: string, from: number): number {
  let at = s.indexOf(delim, from);
  while (at >= 0) {
    const before = s[at - 1];
    const after = s[at + delim.length];
    const ok = !isSpace(before) && (delim[0] !== '_' || !isWordChar(after));
    if (ok && at > from) return at;
    at = s.indexOf(delim, at + 1);
  }
  return -1;
}

/** Renders inline Markdown to HTML. `depth` bounds nesting so hostile input cannot recurse deeply. */
export function renderInline(s: string, depth = 0): string {
  let out = '';
  let i = 0;
  // Delimiters known to have no closing further on: later openers of that kind are literal.
  const exhausted = new Set<string>();
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && ESCAPABLE.has(s[i + 1])) {
      out += escapeHtml(s[i + 1]);
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = 1;
      while (s[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      const end = exhausted.has(fence) ? -1 : s.indexOf(fence, i + n);
      if (end < 0) exhausted.add(fence);
      else {
        out += `<code>${escapeHtml(s.slice(i + n, end).trim())}</code>`;
        i = end + n;
        continue;
      }
      out += escapeHtml(fence);
      i += n;
      continue;
    }
    if (c === '[' && depth < 4) {
      const link = /^\[([^\]\n]{1,500})\]\(([^()\s]{1,2000})\)/.exec(s.slice(i, i + 2600));
      if (link) {
        const text = renderInline(link[1], depth + 1);
        // A link to anything but http(s) (javascript:, data:, relative) is refused: its text stays.
        out += SAFE_URL.test(link[2]) ? `<a href="${escapeHtml(link[2])}" rel="noopener noreferrer" target="_blank">${text}</a>` : text;
        i += link[0].length;
        continue;
      }
    }
    if ((c === '*' || c === '_') && depth < 4) {
      const delim = s[i + 1] === c ? c + c : c;
      const opens = !isSpace(s[i + delim.length]) && (c !== '_' || !isWordChar(s[i - 1]));
      if (opens && !exhausted.has(delim)) {
        const end = closingOf(s, delim, i + delim.length);
        if (end >= 0) {
          const tag = delim.length === 2 ? 'strong' : 'em';
          out += `<${tag}>${renderInline(s.slice(i + delim.length, end), depth + 1)}</${tag}>`;
          i = end + delim.length;
          continue;
        }
        exhausted.add(delim);
      }
      out += escapeHtml(delim);
      i += delim.length;
      continue;
    }
    out += escapeHtml(c);
    i++;
  }
  return out;
}
