/**
 * Asks before a sample load or an import replaces the learner's work, as starting a lab and
 * opening a share link do (same dialog, same wording). An unchanged built-in sample or an empty
 * network is replaced without asking: nothing of the learner's is lost. Undo brings the previous
 * network back either way.
 */
import type { Snapshot } from '../../engine/index.ts';
import { isUnchangedSample } from '../../state/doc-source.ts';
import { workspace } from '../../state/workspace.svelte.ts';
import { describeDoc, hasWork } from '../labs/describe.ts';

export interface Replacement {
  /** The dialog's title, a question ("Load the sample “…”?"). */
  title: string;
  /** What comes in, for the sentence ("the sample “Seed”", "the imported network"). */
  incoming: string;
  doc: Snapshot;
  confirmLabel: string;
}

/** True when the network in force holds work that is not a built-in sample as loaded. */
export function replacesWork(): boolean {
  return hasWork(workspace.doc) && !isUnchangedSample(workspace.source, workspace.doc);
}

/** Resolves true when nothing would be lost or the learner confirms; false when they keep their work. */
export async function confirmReplace(r: Replacement): Promise<boolean> {
  if (!replacesWork()) return true;
  // The dialog's code is loaded on first use: it is not needed for first paint.
  const { askConfirm } = await import('../labs/confirm.ts');
  return askConfirm({
    title: r.title,
    lines: [
      `This replaces your current network (${describeDoc(workspace.doc)}) with ${r.incoming} (${describeDoc(r.doc)}). Undo brings your current network back.`,
      'Use Export in the top bar first if you want to keep your work.',
    ],
    confirmLabel: r.confirmLabel,
    cancelLabel: 'Keep my work',
  });
}
