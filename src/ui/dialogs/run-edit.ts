/** Runs an edit action from a dialog: an AWS refusal stays in the dialog, success closes it and selects what was made. */
import type { EditResult } from '../../engine/edit/index.ts';
import { workspace } from '../../state/workspace.svelte.ts';
import { selection } from '../../state/selection.svelte.ts';
import { ui } from '../../state/ui.svelte.ts';

export function runEdit(result: EditResult, label: string): string {
  if (result.error) return result.error;
  if (!workspace.dispatch(result, label)) return workspace.notice?.text ?? 'Not applied.';
  ui.close();
  const made = result.created?.[0];
  if (made && !made.startsWith('arn:')) selection.select(made);
  return '';
}

/**
 * Runs an edit from a list inside an open dialog (Remove a route, a rule, a CIDR): the dialog stays open on the
 * updated list, the change is one undo step. Returns the refusal to show, or '' when applied.
 */
export function runInPlace(result: EditResult, label: string): string {
  if (result.error) return result.error;
  return workspace.dispatch(result, label) ? '' : workspace.notice?.text ?? 'Not applied.';
}
