/** The sample picker's Load: fetch the sample, ask before replacing work, put it in force. */
import type { Diagnostic, Snapshot } from '../../engine/index.ts';
import { rememberSample } from '../../state/doc-source.ts';
import { fetchSample, type SampleInfo } from '../../state/io.ts';
import { selection } from '../../state/selection.svelte.ts';
import { workspace } from '../../state/workspace.svelte.ts';
import { confirmReplace } from './replace-guard.ts';

/** Loads sample `id` ('empty' for the empty workspace); false when it was not loaded (kept work, a failed fetch). */
export async function loadSample(id: string, samples: readonly SampleInfo[]): Promise<boolean> {
  let doc: Snapshot = { Playground: { accountId: '123456789012', region: 'us-east-1' } };
  let title = 'Empty workspace';
  let warnings: Diagnostic[] = [];
  if (id !== 'empty') {
    const s = samples.find((x) => x.id === id);
    if (!s) return false;
    try {
      const r = await fetchSample(s);
      if (!r.doc) throw new Error(r.diagnostics[0]?.message ?? 'not a JSON object');
      doc = r.doc;
      warnings = r.diagnostics;
    } catch (e) {
      workspace.notice = { kind: 'error', text: `Could not load ${s.title}: ${(e as Error).message}` };
      return false;
    }
    title = s.title;
  }
  // As starting a lab or opening a share link does: work that is not an unchanged sample is not replaced without asking.
  const ok = await confirmReplace({
    title: id === 'empty' ? 'Load an empty workspace?' : `Load the sample “${title}”?`,
    incoming: id === 'empty' ? 'an empty workspace' : `the sample “${title}”`,
    doc,
    confirmLabel: 'Replace my network and load',
  });
  if (!ok) {
    workspace.notice = { kind: 'info', text: 'Not loaded: your network is unchanged.' };
    return false;
  }
  // A new document: the open tabs belong to the old one.
  selection.clear();
  workspace.load(doc, id === 'empty' ? 'Empty workspace' : `Loaded sample ${title}`, { kind: 'sample', id });
  rememberSample(id, doc);
  if (id !== 'empty') workspace.notice = { kind: warnings.length ? 'warning' : 'info', text: `Loaded ${title}${warnings.length ? ` (${warnings.length} warning(s): ${warnings[0].message})` : ''}` };
  return true;
}
