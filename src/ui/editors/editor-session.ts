/**
 * The Monaco side of the editors: one model per tab, text -> document on each pause in typing,
 * engine diagnostics -> markers on the right range. While the text is invalid (bad JSON, or a
 * change AWS would refuse) nothing is applied: the simulation keeps the last valid document.
 */
import type * as Monaco from 'monaco-editor/editor';
import { hasErrors, type Diagnostic, type Snapshot } from '../../engine/index.ts';
import { workspace } from '../../state/workspace.svelte.ts';
import { ui } from '../../state/ui.svelte.ts';
import { locatePath } from './json-locate.ts';
import { applyResource, locate, resourceText, sameValue, textMatches, toTabPath } from './resource-doc.ts';
import type { MonacoApi } from './monaco-loader.ts';

const OWNER = 'vpc-lab';

export class EditorSession {
  readonly editor: Monaco.editor.IStandaloneCodeEditor;
  #models = new Map<string, Monaco.editor.ITextModel>();
  #invalid = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #applying = false;
  current: string | null = null;

  constructor(private readonly monaco: MonacoApi, host: HTMLElement) {
    this.editor = monaco.editor.create(host, {
      automaticLayout: true, minimap: { enabled: false }, fontSize: 12, tabSize: 2, scrollBeyondLastLine: false,
      ariaLabel: 'Resource JSON editor', fixedOverflowWidgets: true, lightbulb: { enabled: 'on' as never },
    });
    // Undo/redo go through the workspace, so canvas and editor edits share one history; but
    // typing not applied yet (still pending, or invalid) is undone in the text first.
    const undo = () => (this.#unapplied() ? this.editor.trigger('keyboard', 'undo', null) : workspace.undo());
    const redo = () => (this.#unapplied() ? this.editor.trigger('keyboard', 'redo', null) : workspace.redo());
    this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, undo);
    this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, redo);
    this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, redo);
    this.editor.onDidChangeModelContent(() => {
      if (this.#applying) return;
      clearTimeout(this.#timer);
      const id = this.current;
      this.#timer = setTimeout(() => id && this.evaluate(id), 250);
    });
  }

  /** True while the current tab's text differs from the resource in force (typing pending or refused). */
  #unapplied(): boolean {
    const id = this.current;
    const model = id ? this.#models.get(id) : undefined;
    const loc = id ? locate(workspace.doc, id) : null;
    if (!id || !model || !loc) return false;
    return this.#invalid.has(id) || !textMatches(model.getValue(), workspace.doc, loc);
  }

  show(id: string, doc: Snapshot): boolean {
    let model = this.#models.get(id);
    if (!model) {
      const loc = locate(doc, id);
      if (!loc) return false;
      model = this.monaco.editor.createModel(resourceText(doc, loc), 'json', this.monaco.Uri.parse(`inmemory://vpc-lab/${id}.json`));
      this.#models.set(id, model);
    }
    this.current = id;
    if (this.editor.getModel() !== model) this.editor.setModel(model);
    this.#markers(id, model, doc, workspace.validate(doc));
    return true;
  }

  /** The document changed elsewhere (canvas, undo): refresh tabs whose text is valid and now stale. */
  refresh(doc: Snapshot, diagnostics: Diagnostic[]): void {
    for (const [id, model] of this.#models) {
      if (this.#invalid.has(id)) continue;
      const loc = locate(doc, id);
      if (!loc) continue;
      if (!textMatches(model.getValue(), doc, loc)) {
        this.#applying = true;
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: resourceText(doc, loc) }], () => null);
        this.#applying = false;
      }
      this.#markers(id, model, doc, diagnostics);
    }
  }

  /** Drops the models of tabs that were closed elsewhere (a sample loaded, a resource deleted). */
  retain(ids: readonly string[]): void {
    for (const id of [...this.#models.keys()]) if (!ids.includes(id)) this.close(id);
  }

  close(id: string): void {
    this.#models.get(id)?.dispose();
    this.#models.delete(id);
    this.#invalid.delete(id);
    this.#syncInvalid();
  }

  evaluate(id: string): void {
    const model = this.#models.get(id);
    const loc = locate(workspace.doc, id);
    if (!model || !loc) return;
    let value: unknown;
    try {
      value = JSON.parse(model.getValue());
    } catch (e) {
      this.#invalid.add(id);
      this.#syncInvalid(`${id}: invalid JSON (${(e as Error).message.split('\n')[0]})`);
      return; // Monaco's JSON worker marks the syntax error itself.
    }
    if (sameValue(value, workspace.doc, loc)) {
      // Back to the text in force (an undo in the text, say): nothing to apply, no history step.
      this.#invalid.delete(id);
      this.#syncInvalid();
      this.#markers(id, model, workspace.doc, workspace.diagnostics);
      return;
    }
    // AWS has no ModifyFlowLog for these fields: a flow log is deleted and created again.
    if (loc.key === 'FlowLogs') {
      const msg = 'A flow log cannot be modified after creation: delete it and create another (Flow logs tab or "+ Flow log").';
      this.#setMarkers(model, [{ severity: 'error', code: 'FLOW_LOG_IMMUTABLE', message: msg, offset: 0, length: 1 }]);
      this.#invalid.add(id);
      return this.#syncInvalid(`${id}: flow logs cannot be edited`);
    }
    const applied = applyResource(workspace.doc, loc, value);
    if ('error' in applied) {
      this.#setMarkers(model, [{ severity: 'error', code: 'TAB_SHAPE', message: applied.error, offset: 0, length: 1 }]);
      this.#invalid.add(id);
      return this.#syncInvalid(`${id}: ${applied.error}`);
    }
    // The candidate shares every untouched object with the document in force: validated incrementally.
    const diagnostics = workspace.validate(applied.doc);
    this.#markers(id, model, applied.doc, diagnostics);
    if (hasErrors(diagnostics) && !hasErrors(workspace.diagnostics)) {
      this.#invalid.add(id);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      return this.#syncInvalid(`${id}: ${errors.length} error(s), not applied: ${errors[0].message}`);
    }
    this.#invalid.delete(id);
    this.#syncInvalid();
    workspace.dispatch({ doc: applied.doc }, `Edited ${id} in the editor`, 'immediately', diagnostics);
  }

  #syncInvalid(text?: string): void {
    ui.editorInvalid = this.#invalid.size ? text ?? `${[...this.#invalid][0]}: not applied` : null;
  }

  #markers(id: string, model: Monaco.editor.ITextModel, doc: Snapshot, diagnostics: Diagnostic[]): void {
    const loc = locate(doc, id);
    if (!loc) return;
    const text = model.getValue();
    const out: { severity: Diagnostic['severity']; code: string; message: string; offset: number; length: number }[] = [];
    for (const d of diagnostics) {
      const tab = toTabPath(loc, d.path);
      if (!tab) {
        if (d.severity === 'error') out.push({ severity: 'error', code: d.code, message: `Elsewhere (${d.path}): ${d.message}`, offset: 0, length: 1 });
        continue;
      }
      const span = locatePath(text, tab) ?? { offset: 0, length: 1 };
      out.push({ severity: d.severity, code: d.code, message: d.message, ...span });
    }
    this.#setMarkers(model, out);
  }

  #setMarkers(model: Monaco.editor.ITextModel, list: { severity: Diagnostic['severity']; code: string; message: string; offset: number; length: number }[]): void {
    const S = this.monaco.MarkerSeverity;
    this.monaco.editor.setModelMarkers(model, OWNER, list.map((m) => {
      const a = model.getPositionAt(m.offset);
      const b = model.getPositionAt(m.offset + m.length);
      return { severity: m.severity === 'error' ? S.Error : S.Warning, code: m.code, message: `${m.message} [${m.code}]`, startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column, source: 'VPC Lab' };
    }));
  }

  dispose(): void {
    clearTimeout(this.#timer);
    for (const m of this.#models.values()) m.dispose();
    this.editor.dispose();
  }
}
