/**
 * The lab in progress: which lab, the step in view, live check results (re-evaluated 150 ms
 * after the document, the flow-log records or the learner's Logs Insights runs change;
 * evaluation is pure), when each check first passed, hints revealed, and the queries the learner
 * ran in the Logs Insights console (the evidence of `insights-query` checks). Progress persists
 * in localStorage; links (#lab=, ?lab=, #share=) open here. Nothing replaces the learner's work
 * without asking.
 */
import { untrack } from 'svelte';
import { applyChanges, evaluateLab, sendTraffic, trafficText, type CompletedQuery, type SentTraffic, type Lab, type LabIndex, type LabProgress, type QueryRun, type Snapshot } from '../engine/index.ts';
import { askConfirm } from '../ui/labs/confirm.ts';
import { describeDoc, hasWork } from '../ui/labs/describe.ts';
import { fetchIndex, fetchLab, labsBase, readLab, type Fetched } from '../ui/labs/lab-fetch.ts';
import { clearProgress, isReadingStep, keepHistory, loadProgress, recordPasses, saveProgress, stepAfterEvaluation, type PassTimes, type SavedProgress } from '../ui/labs/progress.ts';
import { recordCompletedQuery, withoutUnprovenPasses } from '../ui/labs/query-runs.ts';
import { download } from '../ui/labs/skeleton.ts';
import type { DocSource } from './doc-source.ts';
import { insights } from './insights.svelte.ts';
import { buildReportHtml, reportFileName } from './lab-report.ts';
import { selection } from './selection.svelte.ts';
import type { SharedLab } from './share-link.ts';
import { traces, type LoggedRecord } from './trace.svelte.ts';
import { workspace } from './workspace.svelte.ts';

export type LabSource = SharedLab['source'];
export type LabMode = 'pick' | 'learn' | 'author';

const store = () => globalThis.localStorage;

/** What was in force with a document when another replaced it: its lab (or none), its flow-log records and query runs. */
interface Parked {
  lab: Lab | null;
  source: LabSource | null;
  step: number;
  passed: PassTimes;
  hints: Record<string, number>;
  logged: LoggedRecord[];
  runs: QueryRun[];
}

class LabsState {
  index = $state.raw<LabIndex['labs']>([]);
  indexError = $state('');
  lab = $state.raw<Lab | null>(null);
  source = $state.raw<LabSource | null>(null);
  /** The step in view (the learner may look ahead or back). */
  step = $state(0);
  progress = $state.raw<LabProgress | null>(null);
  passed = $state.raw<PassTimes>({});
  hints = $state.raw<Record<string, number>>({});
  /** The Logs Insights queries the learner ran to completion during this lab (the newest MAX_RUNS). */
  runs = $state.raw<QueryRun[]>([]);
  mode = $state<LabMode>('pick');
  /**
   * The last problem opening a lab or link, shown once: in the Labs panel (brought to the front),
   * never also as a toast. It goes when it no longer applies: another network is loaded (an
   * import, a sample, a lab, undo across a load), another lab or link is being opened, or the
   * learner dismisses it.
   */
  error = $state('');
  busy = $state(false);
  /**
   * The lab follows the document in force: each document source (the workspace keeps one per
   * undo entry, the same object through edits) remembers the lab, progress and records that
   * were in force with it, so undoing a lab start brings back the previous lab (or none) too.
   */
  #parked = new WeakMap<DocSource, Parked>();
  #docSource: DocSource = workspace.source;

  constructor() {
    $effect.root(() => {
      $effect(() => {
        const src = workspace.source;
        untrack(() => this.#follow(src));
      });
      $effect(() => {
        const lab = this.lab;
        if (!lab) return;
        const doc = workspace.doc;
        const records = traces.visible;
        const runs = this.runs;
        const t = setTimeout(() => this.#evaluate(lab, doc, records, runs), 150);
        return () => clearTimeout(t);
      });
    });
    // Only a query the learner runs in the console is evidence: nothing else adds a run.
    insights.onCompleted((done) => this.#recordRun(done));
  }

  async loadIndex(): Promise<void> {
    const r = await fetchIndex();
    if (r.ok) {
      this.index = r.value.labs;
      this.indexError = '';
    } else this.indexError = r.error;
  }

  /** Fetches and parses the lab a source names. */
  async resolve(source: LabSource): Promise<Fetched<Lab>> {
    if (source.kind === 'inline') return readLab(source.text, 'The lab');
    if (source.kind === 'url') {
      const r = await fetchLab(new URL(source.url));
      return r.ok ? { ok: true, value: r.value.lab } : r;
    }
    const entry = this.index.find((l) => l.id === source.id) ?? (await this.loadIndex(), this.index.find((l) => l.id === source.id));
    if (!entry) return { ok: false, error: this.indexError || `There is no built-in lab "${source.id}".` };
    const r = await fetchLab(new URL(entry.file, labsBase()));
    return r.ok ? { ok: true, value: r.value.lab } : r;
  }

  /** Shows a problem opening a lab or link: in the Labs panel, which comes to the front. */
  showError(text: string): void {
    this.error = text;
    selection.panel = 'labs';
  }

  /** Opens a lab from a source, asking before the learner's network is replaced. */
  async open(source: LabSource): Promise<boolean> {
    this.busy = true;
    this.error = '';
    try {
      const r = await this.resolve(source);
      if (!r.ok) {
        this.showError(r.error);
        return false;
      }
      return await this.start(r.value, source);
    } finally {
      this.busy = false;
    }
  }

  /** Starts a parsed lab from its first step (after asking when there is work to lose). */
  async start(lab: Lab, source: LabSource): Promise<boolean> {
    if (hasWork(workspace.doc) && !(await askConfirm({
      title: `Start the lab “${lab.title}”?`,
      lines: [`Starting this lab replaces your current network (${describeDoc(workspace.doc)}) with the lab's start network (${describeDoc(lab.start as Snapshot)}). Undo brings your current network back (with its lab, if any).`, 'Use Export in the top bar first if you want to keep your work.'],
      confirmLabel: 'Replace my network and start',
    }))) return false;
    selection.clear();
    this.park();
    workspace.load(lab.start as Snapshot, `Started lab: ${lab.title}`, { kind: 'lab', title: lab.title });
    workspace.notice = { kind: 'info', text: `Started lab: ${lab.title}` };
    traces.clearLogs();
    this.attach(lab, source, null);
    if (lab.background?.length) this.#send(lab.background);
    return true;
  }

  /** Makes a lab current over the document as it is (a resumed or shared lab). */
  attach(lab: Lab, source: LabSource, saved: Pick<SavedProgress, 'step' | 'passed'> & Partial<Pick<SavedProgress, 'hints' | 'runs'>> | null): void {
    this.#docSource = workspace.source;
    traces.last = null;
    this.lab = lab;
    this.source = source;
    this.step = Math.min(saved?.step ?? 0, lab.steps.length - 1);
    this.passed = saved?.passed ?? {};
    this.hints = saved?.hints ?? {};
    this.runs = saved?.runs ?? [];
    this.progress = null;
    this.mode = 'learn';
    this.error = '';
    this.#evaluate(lab, workspace.doc, traces.visible, this.runs);
    this.save();
  }

  /** Remembers what is in force with the current document before another replaces it (call before workspace.load). */
  park(): void {
    this.#parked.set(this.#docSource, { lab: this.lab, source: this.source, step: this.step, passed: this.passed, hints: this.hints, logged: traces.logged, runs: this.runs });
  }

  /** The document in force changed (a load, or undo/redo across one): bring back what was in force with it. */
  #follow(src: DocSource): void {
    if (src === this.#docSource) return;
    // An error about opening a lab was about the network in force then, not this one.
    this.error = '';
    this.park();
    this.#docSource = src;
    // The last trace ran through another network: its highlight means nothing on this one.
    traces.last = null;
    const back = this.#parked.get(src);
    if (back) traces.logged = back.logged;
    if (back?.lab && back.source) this.attach(back.lab, back.source, back);
    else if (this.lab) this.#leave();
  }

  #leave(): void {
    this.lab = null;
    this.source = null;
    this.progress = null;
    this.runs = [];
    if (this.mode === 'learn') this.mode = 'pick';
    clearProgress(store());
  }

  /** Leaves the lab (the network stays as it is). */
  quit(): void {
    this.lab = null;
    this.source = null;
    this.progress = null;
    this.runs = [];
    this.mode = 'pick';
    clearProgress(store());
  }

  go(step: number): void {
    if (!this.lab) return;
    this.step = Math.max(0, Math.min(step, this.lab.steps.length - 1));
    this.save();
  }

  revealHint(): void {
    const s = this.lab?.steps[this.step];
    if (!s) return;
    this.hints = { ...this.hints, [s.id]: Math.min((this.hints[s.id] ?? 0) + 1, s.hints.length) };
    this.save();
  }

  /** Applies the step's solution as one undoable change. */
  showSolution(): void {
    const s = this.lab?.steps[this.step];
    if (!s?.solution) return;
    const r = applyChanges(workspace.doc, s.solution);
    if (!r.ok) {
      workspace.notice = { kind: 'error', text: `The solution does not fit your network as it is now (${r.error}). Undo your last changes, or restart the lab.` };
      return;
    }
    workspace.dispatch({ doc: r.doc }, `Solution: ${s.title}`, 'immediately');
  }

  /**
   * Sends a step's traffic through the network; its records join the flow-log view. The button
   * names its own step: whichever step the card shows by the time it is pressed, the traffic is
   * that step's.
   */
  sendStepTraffic(index: number): void {
    const s = this.lab?.steps[index];
    if (!s?.traffic?.length) return;
    // The step's last flow is what Explain and the canvas show, as for a console command (the
    // lab's background traffic, sent when it starts, is not shown: the learner did not send it).
    const last = this.#send(s.traffic).findLast((x) => x.ok);
    if (last?.ok) traces.show(trafficText(last.traffic), last.probe, () => this.sendStepTraffic(index));
  }

  #send(traffic: NonNullable<Lab['background']>): SentTraffic[] {
    const { records, sent } = sendTraffic(workspace.doc, traffic, { clock: traces.clock });
    let end = traces.clock + traffic.length;
    for (const r of records) end = Math.max(end, r.fields.end);
    const written = traces.log(records);
    traces.clock = end + 5;
    const failed = sent.find((x) => !x.ok);
    const ok = sent.filter((x) => x.ok && x.result.reachable).length;
    workspace.notice = failed && !failed.ok
      ? { kind: 'error', text: `Traffic could not be sent: ${failed.error}` }
      : { kind: 'info', text: `Sent ${sent.length} flow(s): ${ok} reached the destination and back; ${written} flow-log record(s) written.` };
    return sent;
  }

  /** A query completed in the Logs Insights console: during a lab, it is the learner's run, kept as evidence. */
  #recordRun(done: CompletedQuery): void {
    const lab = this.lab;
    if (!lab) return;
    // The step the run counts for is the first unfinished one now, not as of the last (debounced) evaluation.
    this.#evaluate(lab, workspace.doc, traces.visible, this.runs);
    this.runs = recordCompletedQuery(this.runs, lab, this.progress, done, { sim: traces.clock, wall: Date.now() });
    this.save();
  }

  #evaluate(lab: Lab, doc: Snapshot, records: Parameters<typeof evaluateLab>[2], runs: readonly QueryRun[]): void {
    if (this.lab !== lab) return;
    const live = evaluateLab(lab, doc, records, runs);
    const passed = recordPasses(this.passed, live, { sim: traces.clock, wall: Date.now() });
    const before = this.progress;
    this.progress = keepHistory(lab, live, passed);
    const step = stepAfterEvaluation(this.step, before, this.progress, lab.steps.map(isReadingStep));
    const moved = step !== this.step;
    if (moved) this.step = step;
    if (passed !== this.passed || moved) {
      this.passed = passed;
      this.save();
    }
  }

  save(): void {
    if (!this.lab || !this.source) return;
    const err = saveProgress(store(), { labId: this.lab.id, title: this.lab.title, source: this.source, step: this.step, passed: this.passed, hints: this.hints, runs: this.runs });
    if (err) workspace.notice = { kind: 'warning', text: err };
  }

  /** Continues the lab saved before a reload, over the autosaved document. */
  async resume(): Promise<void> {
    const saved = loadProgress(store());
    if (!saved || this.lab) return;
    const r = await this.resolve(saved.source);
    // A save from before runs were recorded: its Insights checks passed without the learner running anything.
    if (r.ok) this.attach(r.value, saved.source, saved.runs ? saved : { ...saved, passed: withoutUnprovenPasses(r.value, saved.passed) });
    else this.showError(`Your lab in progress (“${saved.title}”) could not be reopened: ${r.error}`);
  }

  exportReport(learner: string): void {
    if (!this.lab || !this.progress) return;
    const html = buildReportHtml({ lab: this.lab, learner, progress: this.progress, passed: this.passed, doc: workspace.doc, runs: this.runs, now: Date.now() });
    download(html, reportFileName(this.lab, learner), 'text/html');
  }
}

export const labs = new LabsState();

export { openSharedOrLabLink, openLinkText, makeShareLink } from '../ui/labs/links.ts';
