/**
 * Autosave: the document in localStorage, restored on reload, with where it came from (so the
 * sample picker still names the lab, sample or import after a reload); a corrupt save gives a
 * message, never a crash.
 */
import { loadSnapshotText, type Snapshot } from '../engine/index.ts';
import type { DocSource } from './doc-source.ts';
import { TRAFFIC_KEY } from './persist-traffic.ts';

export const STORAGE_KEY = 'vpc-lab:workspace:v1';
/** Kept apart from the document so that a save of either format stays readable by the other. */
export const SOURCE_KEY = 'vpc-lab:workspace-source:v1';

export function saveDoc(doc: Snapshot, source?: DocSource): string | null {
  try {
    const text = JSON.stringify(doc);
    try {
      localStorage.setItem(STORAGE_KEY, text);
    } catch {
      // The network matters more than its saved flow-log records: make room, then try once more.
      localStorage.removeItem(TRAFFIC_KEY);
      localStorage.setItem(STORAGE_KEY, text);
    }
    if (source && source.kind !== 'none') localStorage.setItem(SOURCE_KEY, JSON.stringify(source));
    else localStorage.removeItem(SOURCE_KEY);
    return null;
  } catch (e) {
    return `Autosave failed: ${(e as Error).message}`;
  }
}

export function restoreDoc(): { doc: Snapshot | null; source: DocSource; error: string | null } {
  const autosave: DocSource = { kind: 'autosave' };
  let text: string | null;
  let sourceText: string | null = null;
  try {
    text = localStorage.getItem(STORAGE_KEY);
    sourceText = localStorage.getItem(SOURCE_KEY);
  } catch {
    return { doc: null, source: autosave, error: 'Local storage is not available: your work will not be saved between visits.' };
  }
  if (!text) return { doc: null, source: autosave, error: null };
  const r = loadSnapshotText(text, 'autosave');
  if (!r.snapshot) return { doc: null, source: autosave, error: `The saved workspace could not be read (${r.diagnostics[0]?.message ?? 'unknown error'}); starting from the sample network. Export your work regularly.` };
  return { doc: r.snapshot, source: parseDocSource(sourceText) ?? autosave, error: null };
}

/** A saved document source, or null when it is missing or not one (an older save, a hand edit). */
export function parseDocSource(text: string | null): DocSource | null {
  if (!text) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (v === null || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const str = (k: string) => typeof o[k] === 'string' && (o[k] as string).length <= 500;
  switch (o.kind) {
    case 'sample': return str('id') ? { kind: 'sample', id: o.id as string } : null;
    case 'import': return str('name') ? { kind: 'import', name: o.name as string } : null;
    case 'lab': return str('title') ? { kind: 'lab', title: o.title as string } : null;
    case 'other': return str('label') ? { kind: 'other', label: o.label as string } : null;
    case 'share': return { kind: 'share' };
    case 'autosave': return { kind: 'autosave' };
    default: return null;
  }
}
