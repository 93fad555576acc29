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
  workspace.load(r.doc, 'Imported');
  selection.clear();
  // The loader's warnings (ignored keys) and the validator's (kinds not simulated, absent targets).
  const warnings = [...r.diagnostics, ...workspace.diagnostics].filter((d) => d.severity === 'warning');
  const errors = workspace.diagnostics.filter((d) => d.severity === 'error');
  const vpcs = r.doc.Vpcs?.length ?? 0;
  workspace.notice = {
    kind: errors.length ? 'error' : warnings.length ? 'warning' : 'info',
    text: `Imported ${r.count} file(s): ${vpcs} VPC(s).`
      + (errors.length ? ` ${errors.length} error(s) AWS would refuse: ${errors[0].message}` : '')
      + (warnings.length ? ` ${warnings.length} warning(s): ${warnings.slice(0, 3).map((w) => w.message).join(' · ')}` : ''),
  };
}
