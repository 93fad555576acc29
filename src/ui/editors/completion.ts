/** Completion of resource ids that exist in the document (sg-, pcx-, igw-, nat-, ...), by prefix or by field name. */
import type * as Monaco from 'monaco-editor/editor';
import { workspace } from '../../state/workspace.svelte.ts';
import { buildIdIndex } from './id-index.ts';

const FIELD_PREFIX: Record<string, string> = {
  GatewayId: 'igw-', NatGatewayId: 'nat-', VpcPeeringConnectionId: 'pcx-', GroupId: 'sg-', VpcId: 'vpc-', SubnetId: 'subnet-',
  NetworkAclId: 'acl-', RouteTableId: 'rtb-', NetworkInterfaceId: 'eni-', InstanceId: 'i-', AllocationId: 'eipalloc-', ResourceId: '',
};

export function idCompletions(monaco: typeof Monaco): Monaco.languages.CompletionItemProvider {
  return {
    triggerCharacters: ['"', '-'],
    provideCompletionItems(model, position) {
      const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const m = /"([A-Za-z]+)"\s*:\s*"([\w-]*)$/.exec(line) ?? /"([\w-]*)$/.exec(line);
      if (!m) return { suggestions: [] };
      const typed = m.length === 3 ? m[2] : m[1];
      const field = m.length === 3 ? m[1] : '';
      const prefix = FIELD_PREFIX[field];
      const index = buildIdIndex(workspace.doc);
      const hits = index.filter((x) => (prefix !== undefined ? x.id.startsWith(prefix) : /^[a-z]+-/.test(typed) && x.id.startsWith(typed.split('-')[0] + '-')));
      const range = new monaco.Range(position.lineNumber, position.column - typed.length, position.lineNumber, position.column);
      return {
        suggestions: hits.map((x) => ({ label: x.id, kind: monaco.languages.CompletionItemKind.Reference, insertText: x.id, detail: x.detail, range, sortText: `0${x.id}` })),
      };
    },
  };
}
