/** Quick fixes for engine diagnostics that have one obvious repair (a CIDR with host bits set -> its network address). */
import type * as Monaco from 'monaco-editor/editor';
import { cidrOf, formatCidr, maskOf, tryParseIpv4 } from '../../engine/index.ts';

function canonicalCidr(text: string): string | null {
  const m = /^"?(\d+\.\d+\.\d+\.\d+)\/(\d+)"?$/.exec(text.trim());
  if (!m) return null;
  const ip = tryParseIpv4(m[1]);
  const prefix = Number(m[2]);
  if (!ip.ok || prefix > 32) return null;
  return formatCidr(cidrOf((ip.value & maskOf(prefix)) >>> 0, prefix));
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
      return { actions, dispose() {} };
    },
  };
}
