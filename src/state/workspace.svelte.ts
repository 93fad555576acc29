/**
 * The workspace: the document in force, its compiled network and diagnostics, and undo/redo.
 * Edits arrive as EditResults from the pure actions in engine/edit; this class only records them.
 */
import { hasErrors, type Diagnostic, type Snapshot } from '../engine/index.ts';
import { createSnapshotValidator } from '../engine/validate/index.ts';
import { createNetworkCompiler } from '../engine/model/compile.ts';
import type { EditResult, UndoTreatment } from '../engine/edit/index.ts';
import { UndoStack } from './history.ts';
import type { DocSource } from './doc-source.ts';
import { saveDoc } from './persist.ts';

export type Notice = { kind: 'error' | 'info' | 'warning'; text: string };

type Positions = Record<string, { x: number; y: number }>;

export class Workspace {
  /**
   * Incremental validateSnapshot / compileNetwork: an edit's document shares every object the
   * edit did not touch, and these remember per object, so an edit costs about what it changed.
   * Sound because documents here are immutable values ($state.raw; edits return new documents).
   */
  #validate = createSnapshotValidator();
  #compile = createNetworkCompiler();
  doc = $state.raw<Snapshot>({});
  net = $derived(this.#compile(this.doc));
  /** Set with the document: validation is the costliest step, so it runs once per change. */
  diagnostics = $state.raw<Diagnostic[]>([]);
  notice = $state.raw<Notice | null>(null);
  /** Bumped on every change so rune consumers can react to undo availability. */
  version = $state(0);
  /** The label of the last applied edit, for the status bar. */
  lastEdit = $state('');
  /** Why the last autosave failed (storage full, say), shown until a save succeeds: a notice alone is soon replaced. */
  saveError = $state<string | null>(null);
  /** Where the document in force came from (sample, import, lab...): edits keep it, loads replace it, undo brings back each document's own. */
  source = $state.raw<DocSource>({ kind: 'none' });
  #stack = new UndoStack<{ doc: Snapshot; source: DocSource }>();

  get canUndo(): boolean {
    void this.version;
    return this.#stack.past.length > 0;
  }
  get canRedo(): boolean {
    void this.version;
    return this.#stack.future.length > 0;
  }

  /** Applies an edit's result: an error becomes a notice and leaves the document as it was. */
  dispatch(result: EditResult, label: string, undo: UndoTreatment = 'immediately', diagnostics?: Diagnostic[]): boolean {
    if (result.error) {
      this.notice = { kind: 'error', text: result.error };
      return false;
    }
    // A document AWS would refuse never goes in force (editors keep their text until it is fixed).
    const diags = diagnostics ?? this.validate(result.doc);
    if (hasErrors(diags) && !hasErrors(this.diagnostics)) {
      this.notice = { kind: 'error', text: `Not applied: ${diags.find((d) => d.severity === 'error')!.message}` };
      return false;
    }
    if (undo === 'immediately') this.#stack.record(this.#entry());
    this.doc = result.doc;
    this.diagnostics = diags;
    this.lastEdit = label;
    this.notice = label && undo === 'immediately' ? { kind: 'info', text: label } : this.notice;
    this.#changed();
    return true;
  }

  /**
   * Replaces the whole document (sample, import, lab, share link): one undo step brings the
   * previous network back, so loading never loses work. Nothing is recorded over the empty
   * document the page starts with (the autosave restore and the seed).
   */
  load(doc: Snapshot, label: string, source: DocSource = { kind: 'other', label }): void {
    if (Object.keys(this.doc).length > 0) this.#stack.record(this.#entry());
    this.doc = doc;
    this.source = source;
    this.diagnostics = this.validate(doc);
    this.lastEdit = label;
    this.#changed();
  }

  /**
   * validateSnapshot for a document derived from this workspace's (an editor's candidate, say),
   * reusing what was found for the objects it shares. The document must not be modified afterwards.
   */
  validate(doc: Snapshot): Diagnostic[] {
    return this.#validate(doc);
  }

  undo(): void {
    const prev = this.#stack.undo(this.#entry());
    if (prev) this.#swap(prev, 'Undone');
  }

  redo(): void {
    const next = this.#stack.redo(this.#entry());
    if (next) this.#swap(next, 'Redone');
  }

  /** Canvas positions change with no undo step, and survive undo/redo of real edits. */
  setPositions(positions: Positions): void {
    // Positions live under Playground, which validation does not read: the diagnostics stand.
    this.doc = { ...this.doc, Playground: { ...(this.doc.Playground ?? {}), positions } };
    this.#changed();
  }

  #entry(): { doc: Snapshot; source: DocSource } {
    return { doc: this.doc, source: this.source };
  }

  #swap({ doc, source }: { doc: Snapshot; source: DocSource }, label: string): void {
    this.source = source;
    const positions = (this.doc.Playground as { positions?: Positions } | undefined)?.positions;
    this.doc = positions ? { ...doc, Playground: { ...(doc.Playground ?? {}), positions } } : doc;
    this.diagnostics = this.validate(this.doc);
    this.notice = { kind: 'info', text: label };
    this.#changed();
  }

  #changed(): void {
    this.version++;
    // Saved a moment later, once per burst of changes: serializing a multi-MB import takes
    // 50-100 ms, which neither the import nor each drag or edit after it should wait for.
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.saveNow(), 300);
  }

  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  /** Autosaves what is pending now (the page is being left); a refusal keeps the "Not autosaved" warning. */
  saveNow(): void {
    if (this.#saveTimer === undefined) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    const err = saveDoc(this.doc, this.source);
    // An error or warning on screen (an import's summary, say) stays: the lasting badge says it too.
    const busy = this.notice !== null && this.notice.kind !== 'info';
    if (err && err !== this.saveError && !busy) this.notice = { kind: 'warning', text: `${err}. Export your work to keep it.` };
    this.saveError = err;
  }
}

export const workspace = new Workspace();
if (typeof addEventListener === 'function') {
  addEventListener('pagehide', () => workspace.saveNow());
  addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') workspace.saveNow(); });
}
