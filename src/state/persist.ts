/** Autosave: the document in localStorage, restored on reload; a corrupt save gives a message, never a crash. */
import { loadSnapshotText, type Snapshot } from '../engine/index.ts';

export const STORAGE_KEY = 'vpc-lab:workspace:v1';

export function saveDoc(doc: Snapshot): string | null {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(doc));
    return null;
  } catch (e) {
    return `Autosave failed: ${(e as Error).message}`;
  }
}

export function restoreDoc(): { doc: Snapshot | null; error: string | null } {
  let text: string | null;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch {
    return { doc: null, error: 'Local storage is not available: your work will not be saved between visits.' };
  }
  if (!text) return { doc: null, error: null };
  const r = loadSnapshotText(text, 'autosave');
  if (!r.snapshot) return { doc: null, error: `The saved workspace could not be read (${r.diagnostics[0]?.message ?? 'unknown error'}); starting from the sample network. Export your work regularly.` };
  return { doc: r.snapshot, error: null };
}
