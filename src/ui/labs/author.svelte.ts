/**
 * Authoring a lab: the draft's JSON text (kept in localStorage so a reload never loses it), its
 * parse errors for the editor's markers, and the actions of the authoring view.
 */
import { parseLab, type LabError } from '../../engine/index.ts';
import { labs } from '../../state/labs.svelte.ts';
import { workspace } from '../../state/workspace.svelte.ts';
import { askConfirm } from './confirm.ts';
import { download, labSkeleton, labText } from './skeleton.ts';

const DRAFT_KEY = 'vpc-lab:lab-draft:v1';

function readDraft(): string {
  try {
    return localStorage.getItem(DRAFT_KEY) ?? '';
  } catch {
    return '';
  }
}

class Author {
  text = $state(readDraft());
  errors = $state.raw<LabError[]>([]);
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Sets the draft and re-parses it shortly after (typing stays smooth). */
  setText(text: string): void {
    this.text = text;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.check(), 250);
    try {
      localStorage.setItem(DRAFT_KEY, text);
    } catch {
      /* a draft too big for storage stays in memory */
    }
  }

  check(): boolean {
    const r = parseLab(this.text);
    this.errors = r.ok ? [] : r.errors;
    return r.ok;
  }

  async useCurrentNetwork(): Promise<void> {
    if (this.text.trim() && !(await askConfirm({ title: 'Replace the lab draft?', lines: ['This replaces your lab draft with a new skeleton whose start is the current network.', 'Export the draft first if you want to keep it.'], confirmLabel: 'Replace draft' }))) return;
    this.setText(labText(labSkeleton(workspace.doc)));
    this.check();
  }

  async tryAsLearner(): Promise<void> {
    const r = parseLab(this.text);
    if (!r.ok) {
      this.errors = r.errors;
      labs.error = `The lab draft has ${r.errors.length} problem(s); fix them first (see the markers in the editor).`;
      return;
    }
    await labs.start(r.lab, { kind: 'inline', text: this.text });
  }

  exportFile(): void {
    const r = parseLab(this.text);
    const id = r.ok ? r.lab.id : 'lab-draft';
    download(this.text, `${id}.json`, 'application/json');
    if (!r.ok) labs.error = `Exported, but the lab has ${r.errors.length} problem(s): it will not open until they are fixed.`;
  }
}

export const author = new Author();
