// Types for the two Monaco-internal Monarch modules that cwl-language.test.ts runs in node (they ship without .d.ts).
declare module 'monaco-editor/editor/standalone/common/monarch/monarchCompile.js' {
  export function compile(languageId: string, json: unknown): unknown;
}
declare module 'monaco-editor/editor/standalone/common/monarch/monarchLexer.js' {
  export class MonarchTokenizer {
    constructor(languageService: unknown, themeService: unknown, languageId: string, lexer: unknown, configurationService: unknown);
    getInitialState(): unknown;
    tokenize(line: string, hasEOL: boolean, state: unknown): { tokens: { offset: number; type: string }[]; endState: unknown };
    dispose(): void;
  }
}
