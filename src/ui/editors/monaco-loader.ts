/**
 * Loads Monaco on first use (it is ~1 MB gzip and must stay out of first paint), with only the
 * JSON language, its worker, the document's JSON Schema, id completion and quick fixes.
 */
import type * as Monaco from 'monaco-editor/editor';
import { snapshotJsonSchema } from '../../engine/index.ts';
import { idCompletions } from './completion.ts';
import { quickFixes } from './quick-fix.ts';

export type MonacoApi = typeof Monaco;
let loading: Promise<MonacoApi> | null = null;

export function loadMonaco(): Promise<MonacoApi> {
  loading ??= (async () => {
    const [monaco, , json, EditorWorker, JsonWorker] = await Promise.all([
      import('monaco-editor/editor'),
      import('monaco-editor/features/register.all'),
      import('monaco-editor/languages/features/json/register'),
      import('monaco-editor/editor/editor.worker?worker'),
      import('monaco-editor/languages/features/json/json.worker?worker'),
    ]);
    (self as unknown as { MonacoEnvironment: object }).MonacoEnvironment = {
      getWorker: (_: string, label: string) => (label === 'json' ? new JsonWorker.default() : new EditorWorker.default()),
    };
    json.jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      // The engine's validator gives the learner-facing sentences; the schema adds completion, hover and type checks.
      schemas: [{ uri: 'https://vpc-lab.local/snapshot.schema.json', fileMatch: ['*'], schema: snapshotJsonSchema() as never }],
    });
    monaco.languages.registerCompletionItemProvider('json', idCompletions(monaco));
    monaco.languages.registerCodeActionProvider('json', quickFixes(monaco));
    return monaco;
  })();
  return loading;
}
