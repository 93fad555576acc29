/**
 * The lab JSON Schema in Monaco: lab models (URIs ending in .vpclab.json) get the lab schema;
 * the snapshot schema, registered by the editors' loader for every model ('*'), is told to skip
 * them (an exclusion pattern), so a lab's start snapshot is not validated as a whole document.
 */
import { labJsonSchema } from '../../engine/index.ts';
import { loadMonaco, type MonacoApi } from '../editors/monaco-loader.ts';

export const LAB_MODEL_URI = 'inmemory://vpc-lab/authoring/draft.vpclab.json';
const LAB_SCHEMA_URI = 'https://vpc-lab.local/lab.schema.json';
const PATTERN = '*.vpclab.json';

let ready: Promise<MonacoApi> | null = null;

export function loadLabMonaco(): Promise<MonacoApi> {
  ready ??= (async () => {
    const monaco = await loadMonaco();
    const { jsonDefaults } = await import('monaco-editor/languages/features/json/register');
    const o = jsonDefaults.diagnosticsOptions;
    const others = (o.schemas ?? []).filter((s) => s.uri !== LAB_SCHEMA_URI).map((s) => (s.fileMatch?.includes('*') && !s.fileMatch.includes(`!${PATTERN}`) ? { ...s, fileMatch: [...s.fileMatch, `!${PATTERN}`] } : s));
    jsonDefaults.setDiagnosticsOptions({ ...o, schemas: [...others, { uri: LAB_SCHEMA_URI, fileMatch: [PATTERN], schema: labJsonSchema() as never }] });
    return monaco;
  })();
  return ready;
}

export { pathParts } from './pathparts.ts';
