/**
 * Fetching lab files (built-in or from a link) with a size limit, and turning every way it can
 * fail into a sentence: network or CORS, HTTP status, too big, bad JSON, wrong schema.
 */
import { MAX_LAB_BYTES, parseLab, parseLabIndex, type Lab, type LabError, type LabIndex } from '../../engine/index.ts';

export type Fetched<T> = { ok: true; value: T } | { ok: false; error: string };

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** Reads a response body, stopping once it passes `limit` bytes. */
async function readCapped(res: Response, limit: number): Promise<string | null> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > limit) return null;
  if (!res.body) return await res.text();
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let o = 0;
  for (const p of parts) { all.set(p, o); o += p.length; }
  return new TextDecoder().decode(all);
}

/** Fetches text with a size limit; errors name the URL and the likely cause. */
export async function fetchText(url: URL, limit = MAX_LAB_BYTES): Promise<Fetched<string>> {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: `Only http(s) links can be opened (got "${url.protocol}").` };
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'omit', redirect: 'follow' });
  } catch {
    return { ok: false, error: `Could not download ${url.href}: the site is unreachable, or it does not allow other sites to read the file (CORS). Download the file and use "Open lab file…" instead.` };
  }
  if (!res.ok) return { ok: false, error: `Could not download ${url.href}: the server answered HTTP ${res.status}${res.status === 404 ? ' (not found)' : ''}.` };
  try {
    const text = await readCapped(res, limit);
    if (text === null) return { ok: false, error: `${url.href} is larger than ${kb(limit)}, the most VPC Lab accepts for a lab file.` };
    return { ok: true, value: text };
  } catch (e) {
    return { ok: false, error: `The download of ${url.href} was interrupted (${(e as Error).message}).` };
  }
}

/** "steps[2].checks[0].kind: …" lines, at most `max`. */
export function labErrorsText(errors: readonly LabError[], max = 5): string {
  const lines = errors.slice(0, max).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  if (errors.length > max) lines.push(`… and ${errors.length - max} more`);
  return lines.join('\n');
}

/** Parses lab text into a lab or one readable error ("This is not a valid lab file: …"). */
export function readLab(text: string, where: string): Fetched<Lab> {
  const r = parseLab(text);
  return r.ok ? { ok: true, value: r.lab } : { ok: false, error: `${where} is not a valid VPC Lab lab file:\n${labErrorsText(r.errors)}` };
}

export async function fetchLab(url: URL): Promise<Fetched<{ lab: Lab; text: string }>> {
  const t = await fetchText(url);
  if (!t.ok) return t;
  const r = readLab(t.value, url.href);
  return r.ok ? { ok: true, value: { lab: r.value, text: t.value } } : r;
}

/** The built-in labs' index, relative to the document base (Vite serves static/ at the base). */
export const labsBase = () => new URL('labs/', document.baseURI);

export async function fetchIndex(): Promise<Fetched<LabIndex>> {
  const url = new URL('index.json', labsBase());
  const t = await fetchText(url, 256 * 1024);
  if (!t.ok) return t;
  const r = parseLabIndex(t.value);
  return r.ok ? { ok: true, value: r.index } : { ok: false, error: `The list of labs (${url.pathname}) is not valid:\n${labErrorsText(r.errors)}` };
}

/** The lab URL of a `#lab=<url>` or `?lab=<url>` link, resolved against the page; null when there is none. */
export function labLinkUrl(loc: Pick<Location, 'hash' | 'search' | 'href'>): string | null {
  const hash = new URLSearchParams(loc.hash.replace(/^#/, ''));
  return hash.get('lab') ?? new URLSearchParams(loc.search).get('lab');
}
