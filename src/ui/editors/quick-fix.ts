/**
 * Quick fixes (Ctrl+.) in the resource editors:
 * - a diagnostic with one obvious repair (a CIDR with host bits set -> its network address);
 * - the engine's fix for the last trace, offered on the resource it changes (add the missing
 *   route to this route table, the rule to this security group or network ACL, accept this
 *   peering). The fix replaces the tab's JSON, so it goes through the editor's usual
 *   validate-and-apply path and is one undo step.
 */
import type * as Monaco from 'monaco-editor/editor';
import { cidrOf, formatCidr, maskOf, tryParseIpv4, type FixAction } from '../../engine/index.ts';
import { applyFix } from '../../engine/edit/index.ts';
import { traces } from '../../state/trace.svelte.ts';
import { workspace } from '../../state/workspace.svelte.ts';
import { locate, resourceText } from './resource-doc.ts';

function canonicalCidr(text: string): string | null {
  const m = /^"?(\d+\.\d+\.\d+\.\d+)\/(\d+)"?$/.exec(text.trim());
  if (!m) return null;
  const ip = tryParseIpv4(m[1]);
  const prefix = Number(m[2]);
  if (!ip.ok || prefix > 32) return null;
  return formatCidr(cidrOf((ip.value & maskOf(prefix)) >>> 0, prefix));
}

/** The resource a fix changes. */
export function fixTarget(a: FixAction): string {
  switch (a.kind) {
    case 'add-route':
    case 'replace-route':
      return a.routeTableId;
    case 'add-sg-rule':
      return a.groupId;
    case 'add-acl-entry':
      return a.networkAclId;
    case 'accept-peering':
      return a.peeringId;
  }
}

/** The id of the resource a tab's model shows (models are named inmemory://vpc-lab/<id>.json). */
function tabResource(model: Monaco.editor.ITextModel): string | null {
  const m = /^\/(.+)\.json$/.exec(model.uri.path);
  return m ? m[1] : null;
}

function traceFixes(model: Monaco.editor.ITextModel): Monaco.languages.CodeAction[] {
  const id = tabResource(model);
  // A trace the network has since outrun proposes fixes for problems that may be gone.
  const explanations = traces.stale ? [] : traces.last?.details.result.explanations ?? [];
  if (!id) return [];
  const out: Monaco.languages.CodeAction[] = [];
  for (const e of explanations) {
    if (!e.action || fixTarget(e.action) !== id) continue;
    const fixed = applyFix(workspace.doc, e.action);
    const loc = fixed.error ? null : locate(fixed.doc, id);
    if (!loc) continue;
    out.push({
      title: `${e.fix ?? 'Apply the fix'} (${e.code})`,
      kind: 'quickfix',
      isPreferred: out.length === 0,
      edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: model.getFullModelRange(), text: resourceText(fixed.doc, loc) } }] },
    });
  }
  return out;
}

export function quickFixes(monaco: typeof Monaco): Monaco.languages.CodeActionProvider {
  return {
    provideCodeActions(model, _range, context) {
      const actions: Monaco.languages.CodeAction[] = [];
      for (const m of context.markers) {
        if (m.code !== 'CIDR_HOST_BITS') continue;
        const range = new monaco.Range(m.startLineNumber, m.startColumn, m.endLineNumber, m.endColumn);
        const fixed = canonicalCidr(model.getValueInRange(range));
        if (!fixed) continue;
        actions.push({
          title: `Use the network address ${fixed}`,
          kind: 'quickfix',
          diagnostics: [m],
          isPreferred: true,
          edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range, text: JSON.stringify(fixed) } }] },
        });
      }
      actions.push(...traceFixes(model));
      return { actions, dispose() {} };
    },
  };
}
