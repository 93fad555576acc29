/** Import from the file picker or a drop: merge the files with the engine's loader and report its warnings. */
import { readFiles } from '../../state/io.ts';
import { workspace } from '../../state/workspace.svelte.ts';
import { selection } from '../../state/selection.svelte.ts';
import { nextFrame } from './scheduling.ts';
import { importRefusal } from './import-check.ts';
import { confirmReplace } from './replace-guard.ts';

/** Above this size, each long step of the import says what it does and lets the page paint first. */
const BIG_IMPORT_BYTES = 1_000_000;

export async function importFiles(files: Iterable<File>): Promise<void> {
  const list = [...files];
  const bytes = list.reduce((n, f) => n + f.size, 0);
  // A multi-MB export takes seconds: the steps are separate tasks, each announced, so the page
  // shows where it is and stays responsive instead of freezing (the canvas then draws in slices).
  const step = async (text: string) => {
    if (bytes < BIG_IMPORT_BYTES) return;
    workspace.notice = { kind: 'info', text: `Importing ${list.length} file(s), ${(bytes / 1e6).toFixed(1)} MB: ${text}` };
    await nextFrame();
  };
  await step('reading…');
  const r = await readFiles(list);
  if (!r.doc) {
    workspace.notice = { kind: 'error', text: `Import failed: ${r.diagnostics.map((d) => d.message).join(' ')}` };
    return;
  }
  const name = list.length === 1 ? list[0].name : `${list.length} files`;
  // Not a network at all ({"hello": "world"}, a lab file): refused before it can replace the
  // network on the page with an empty one. A lab file is pointed to where labs are opened.
  const refusal = importRefusal(r.doc as Record<string, unknown>, name);
  if (refusal) {
    workspace.notice = { kind: 'error', text: refusal.text };
    if (refusal.kind === 'lab') selection.panel = 'labs';
    return;
  }
  // A document AWS would refuse (or that is not the describe-* shape) is not put in force: the
  // network on the page stays, and the message says what to fix and where.
  await step(`checking ${resourceCount(r.doc)} resources…`);
  const diagnostics = workspace.validate(r.doc);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    const first = errors[0];
    // Most sentences name their path already; the others get it added.
    const where = first.message.includes(first.path) ? '' : ` (at ${first.path})`;
    workspace.notice = { kind: 'error', text: `Not imported: ${errors.length} error(s). ${first.message}${where} Your network is unchanged.` };
    return;
  }
  if (!(await confirmReplace({ title: `Import ${name}?`, incoming: 'the imported network', doc: r.doc, confirmLabel: 'Replace my network and import' }))) {
    workspace.notice = { kind: 'info', text: 'Not imported: your network is unchanged.' };
    return;
  }
  await step('building the network…');
  workspace.load(r.doc, 'Imported', { kind: 'import', name });
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

/** How many resources the document lists (top-level lists, instances inside reservations). */
function resourceCount(doc: Record<string, unknown>): string {
  let n = 0;
  for (const [key, value] of Object.entries(doc)) {
    if (!Array.isArray(value)) continue;
    if (key === 'Reservations') for (const r of value) n += Array.isArray((r as { Instances?: unknown } | null)?.Instances) ? (r as { Instances: unknown[] }).Instances.length : 0;
    else n += value.length;
  }
  return n.toLocaleString('en-US');
}
