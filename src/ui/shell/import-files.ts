/** Import from the file picker or a drop: merge the files with the engine's loader and report its warnings. */
import { readFiles } from '../../state/io.ts';
import { workspace } from '../../state/workspace.svelte.ts';
import { selection } from '../../state/selection.svelte.ts';

export async function importFiles(files: Iterable<File>): Promise<void> {
  const r = await readFiles(files);
  if (!r.doc) {
    workspace.notice = { kind: 'error', text: `Import failed: ${r.diagnostics.map((d) => d.message).join(' ')}` };
    return;
  }
  // A document AWS would refuse (or that is not the describe-* shape) is not put in force: the
  // network on the page stays, and the message says what to fix and where.
  const diagnostics = workspace.validate(r.doc);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    const first = errors[0];
    // Most sentences name their path already; the others get it added.
    const where = first.message.includes(first.path) ? '' : ` (at ${first.path})`;
    workspace.notice = { kind: 'error', text: `Not imported: ${errors.length} error(s). ${first.message}${where} Your network is unchanged.` };
    return;
  }
  workspace.load(r.doc, 'Imported');
  selection.clear();
  // The loader's warnings (ignored keys) and the validator's (kinds not simulated, absent targets).
  const warnings = [...r.diagnostics, ...workspace.diagnostics].filter((d) => d.severity === 'warning');
  const vpcs = Array.isArray(r.doc.Vpcs) ? r.doc.Vpcs.length : 0;
  workspace.notice = {
    kind: warnings.length ? 'warning' : 'info',
    text: `Imported ${r.count} file(s): ${vpcs} VPC(s).`
      + (warnings.length ? ` ${warnings.length} warning(s): ${warnings.slice(0, 3).map((w) => w.message).join(' · ')}` : '')
      + (workspace.canUndo ? ' Undo brings back the network you had.' : ''),
  };
}
