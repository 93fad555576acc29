/**
 * The `cwlinsights` language for Monaco: Monarch tokens for commands, functions, keywords,
 * strings, regexes and `#` comments; completion of commands, functions, keywords and the field
 * names of the chosen log groups (custom-format fields included); errors as markers.
 */
import type * as Monaco from 'monaco-editor/editor';
import { INSIGHTS_COMMANDS, INSIGHTS_FUNCTIONS, INSIGHTS_KEYWORDS, type QueryError } from '../../engine/insights/index.ts';
import type { MonacoApi } from '../editors/monaco-loader.ts';

export const LANGUAGE_ID = 'cwlinsights';
const OWNER = 'cwlinsights';
let registered = false;
/** The field names of the editor mounted last (the provider outlives any one editor). */
let fieldSource: () => string[] = () => [];

const FUNCTIONS = [...INSIGHTS_FUNCTIONS.aggregate, ...INSIGHTS_FUNCTIONS.scalar];

/** The bracket pairs, shared by the Monarch tokenizer and the language configuration. */
export const BRACKETS: [string, string][] = [['(', ')'], ['[', ']']];

/** The Monarch definition (exported for tests). */
export function monarch(): Monaco.languages.IMonarchLanguage {
  return {
    ignoreCase: true,
    brackets: BRACKETS.map(([open, close], i) => ({ open, close, token: i === 0 ? 'delimiter.parenthesis' : 'delimiter.square' })),
    commands: [...INSIGHTS_COMMANDS],
    keywords: [...INSIGHTS_KEYWORDS],
    functions: FUNCTIONS,
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/'([^'\\]|\\.)*'/, 'string'],
        [/`[^`]*`/, 'variable'],
        [/(like|=~)(\s*)(\/(?:[^/\\]|\\.)+\/[a-z]*)/, ['keyword', 'white', 'regexp']],
        [/(parse)(\s+)([\w@.]+)(\s+)(\/(?:[^/\\]|\\.)+\/)/, ['keyword', 'white', 'variable', 'white', 'regexp']],
        [/@[\w.]+/, 'variable.predefined'],
        [/\d+(\.\d+)?(ms|mo|s|m|h|d|w|q|y)\b/, 'number'],
        [/\d+(\.\d+)?/, 'number'],
        [/[a-zA-Z_][\w.]*(?=\s*\()/, { cases: { '@functions': 'predefined', '@default': 'identifier' } }],
        [/[a-zA-Z_][\w.]*/, { cases: { '@commands': 'keyword', '@keywords': 'keyword', '@default': 'identifier' } }],
        [/\|/, 'delimiter'],
        [/[=<>!~+\-*/%^]+/, 'operator'],
        // Only the pairs in `brackets` above may go to '@brackets': Monarch throws on any other character.
        [/[()[\]]/, '@brackets'],
        [/,/, 'delimiter'],
      ],
    },
  };
}

/** Registers the language once; `fields` is read on every completion request. */
export function registerInsightsLanguage(monaco: MonacoApi, fields: () => string[]): void {
  fieldSource = fields;
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: LANGUAGE_ID });
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, monarch());
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: '#' },
    brackets: BRACKETS,
    autoClosingPairs: [{ open: '(', close: ')' }, { open: '[', close: ']' }, { open: '"', close: '"' }],
    wordPattern: /@?[\w.-]+/,
  });
  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: ['|', '(', ',', '@'],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      const atCommand = /(^|\|)\s*$/.test(before);
      const K = monaco.languages.CompletionItemKind;
      const item = (label: string, kind: Monaco.languages.CompletionItemKind, rank: number, detail: string, snippet?: string): Monaco.languages.CompletionItem => ({
        label, kind, detail, range, sortText: `${rank}${label}`,
        insertText: snippet ?? label,
        insertTextRules: snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
      });
      const suggestions = [
        ...INSIGHTS_COMMANDS.map((c) => item(c, K.Keyword, atCommand ? 0 : 3, 'command')),
        ...fieldSource().map((f) => item(f, K.Field, atCommand ? 2 : 0, 'field')),
        ...INSIGHTS_FUNCTIONS.aggregate.map((f) => item(f, K.Function, 1, 'aggregate function', `${f}($0)`)),
        ...INSIGHTS_FUNCTIONS.scalar.map((f) => item(f, K.Function, 1, 'function', `${f}($0)`)),
        ...INSIGHTS_KEYWORDS.map((k) => item(k, K.Keyword, 2, 'keyword')),
      ];
      return { suggestions };
    },
  });
}

/** Shows a query error as a marker over its span (at least one character). */
export function showError(monaco: MonacoApi, model: Monaco.editor.ITextModel, error: QueryError | null): void {
  if (!error || error.code === 'cancelled') {
    monaco.editor.setModelMarkers(model, OWNER, []);
    return;
  }
  const max = model.getValueLength();
  const from = model.getPositionAt(Math.min(error.offset, max));
  let to = model.getPositionAt(Math.min(error.offset + Math.max(error.length, 1), max));
  if (to.lineNumber === from.lineNumber && to.column <= from.column) to = { lineNumber: from.lineNumber, column: from.column + 1 } as Monaco.Position;
  monaco.editor.setModelMarkers(model, OWNER, [{
    severity: monaco.MarkerSeverity.Error, message: error.message,
    startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column,
  }]);
}
