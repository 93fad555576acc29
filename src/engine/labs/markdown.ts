/**
 * A small, safe Markdown renderer for lab text: headings, paragraphs, emphasis, inline code,
 * fenced code blocks, lists, block quotes, rules and http(s) links. It is not CommonMark: it
 * renders what lab authors write and escapes everything else, so raw HTML in a lab file shows
 * as text and never runs. `markupProblems` lets the lab parser refuse such text up front.
 */
import { SAFE_URL, escapeHtml, renderInline } from './markdown-inline.ts';

export { escapeHtml } from './markdown-inline.ts';

const FENCE = /^\s{0,3}(```+|~~~+)\s*([^`]*)$/;
const HEADING = /^\s{0,3}(#{1,6})[ \t]+(.*)$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

/** A heading's text without its optional closing #s, trimmed by hand (a regex here can backtrack badly). */
function headingText(text: string): string {
  let end = text.trimEnd().length;
  let cut = end;
  while (cut > 0 && text[cut - 1] === '#') cut--;
  if (cut < end && (cut === 0 || text[cut - 1] === ' ' || text[cut - 1] === '\t')) end = cut;
  return text.slice(0, end).trim();
}

const startsBlock = (line: string) => FENCE.test(line) || HEADING.test(line) || BULLET.test(line) || NUMBERED.test(line) || QUOTE.test(line) || RULE.test(line);

/** Renders lab Markdown to HTML. Pure and safe for untrusted text. */
export function renderMarkdown(text: string, depth = 0): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') { i++; continue; }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) body.push(lines[i++]);
      i++;
      // The info string names a language only when it is a plain word; anything else is dropped.
      const info = fence[2].trim();
      const lang = /^[A-Za-z0-9_+-]{1,30}$/.test(info) ? ` class="language-${info}"` : '';
      out.push(`<pre><code${lang}>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const n = heading[1].length;
      out.push(`<h${n}>${renderInline(headingText(heading[2]))}</h${n}>`);
      i++;
      continue;
    }
    if (RULE.test(line)) { out.push('<hr>'); i++; continue; }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) body.push(QUOTE.exec(lines[i++])![1]);
      // Depth-limited: a hostile file of nested quotes must not recurse without bound.
      out.push(`<blockquote>${depth < 3 ? renderMarkdown(body.join('\n'), depth + 1) : `<p>${renderInline(body.join(' '))}</p>`}</blockquote>`);
      continue;
    }
    const list = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (list) {
      const items: string[] = [];
      const first = NUMBERED.exec(line);
      while (i < lines.length && list.exec(lines[i])) {
        const m = list.exec(lines[i++])!;
        let item = m[m.length - 1];
        // Indented lines continue the item (a wrapped sentence).
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !list.test(lines[i])) item += ` ${lines[i++].trim()}`;
        items.push(`<li>${renderInline(item)}</li>`);
      }
      const tag = list === BULLET ? 'ul' : 'ol';
      const start = first && first[1] !== '1' ? ` start="${Number(first[1])}"` : '';
      out.push(`<${tag}${tag === 'ol' ? start : ''}>${items.join('')}</${tag}>`);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !(para.length > 0 && startsBlock(lines[i]))) para.push(lines[i++].trim());
    out.push(`<p>${renderInline(para.join(' '))}</p>`);
  }
  return out.join('\n');
}

/** Text with code blocks and code spans removed: where markup would be interpreted. */
function prose(text: string): string {
  return text
    .replace(/^\s{0,3}(```+|~~~+)[^\n]*\n[\s\S]*?(^\s{0,3}\1\s*$|(?![\s\S]))/gm, '')
    .replace(/(`+)[\s\S]*?\1/g, '');
}

/**
 * Why text is refused in a lab file, or null: raw HTML outside code (it would be shown as
 * text, which is never what the author meant, and may be an attack) and links that are not http(s).
 */
export function markupProblems(text: string): string | null {
  const p = prose(text);
  const tag = /<\/?[A-Za-z!?][^>\n]{0,40}>?/.exec(p);
  if (tag) return `raw HTML is not allowed in lab text (found "${tag[0]}"): write Markdown, and put a literal tag in \`code\``;
  // Any "](" starts a link target, even one the renderer would not turn into a link.
  for (const m of p.matchAll(/\]\(\s*([^\s]*)/g)) {
    const target = m[1].replace(/[).,;:!?]+$/, '');
    if (!SAFE_URL.test(target)) return `only http(s) links are allowed (found "${target.slice(0, 60)}")`;
  }
  return null;
}
