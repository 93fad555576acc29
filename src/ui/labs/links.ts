/**
 * Links into VPC Lab: `#share=v1.…` (a whole shared state), `#lab=<url>` or `?lab=<url>` (a lab
 * file to start), and, with no link, the lab in progress before a reload. A link is removed
 * from the address bar once read, so a reload does not ask again. Every failure is a message;
 * the learner's network is only replaced after they confirm, in a dialog saying what the link holds.
 */
import type { Snapshot } from '../../engine/index.ts';
import { labs, type LabSource } from '../../state/labs.svelte.ts';
import { selection } from '../../state/selection.svelte.ts';
import { MAX_ENCODED, decodeShare, encodeShare, shareData, type SharedState } from '../../state/share-link.ts';
import { traces } from '../../state/trace.svelte.ts';
import { workspace } from '../../state/workspace.svelte.ts';
import { askConfirm } from './confirm.ts';
import { describeDoc, hasWork } from './describe.ts';
import { labLinkUrl } from './lab-fetch.ts';
import { withoutUnprovenPasses } from './query-runs.ts';

type Loc = Pick<Location, 'hash' | 'search' | 'href'>;

/** A link that cannot be opened: said once, in the Labs panel (labs.showError), not also as a toast. */
function fail(text: string): void {
  labs.showError(text);
}

/** Removes a handled link from the address bar (keeping any other query). */
function forgetLink(loc: Loc): void {
  if (typeof history === 'undefined' || loc !== globalThis.location) return;
  const url = new URL(loc.href);
  url.hash = '';
  url.searchParams.delete('lab');
  history.replaceState(history.state, '', url.href);
}

async function openShare(data: string): Promise<void> {
  const r = await decodeShare(data);
  if (!r.ok) return fail(`${r.error} Your current work was not changed.`);
  const { doc, lab: shared } = r.state;
  const lab = shared ? await labs.resolve(shared.source) : null;
  const lines = [`This link contains a network with ${describeDoc(doc)}.`];
  if (lab?.ok) lines.push(`It also has progress in the lab “${lab.value.title}” (step ${shared!.step + 1} of ${lab.value.steps.length}).`);
  else if (lab) lines.push(`It refers to a lab that could not be opened: ${lab.error}`);
  if (hasWork(workspace.doc)) lines.push(`Opening it replaces your current network (${describeDoc(workspace.doc)}). Export your work first if you want to keep it.`);
  const yes = await askConfirm({ title: 'Open this shared network?', lines, confirmLabel: 'Open shared network', cancelLabel: 'Keep my work' });
  if (!yes) {
    workspace.notice = { kind: 'info', text: 'The share link was not opened: your work is unchanged.' };
    return;
  }
  selection.clear();
  labs.park(); // undo brings back the lab and records in force before the link
  workspace.load(doc, 'Opened a share link', { kind: 'share' });
  workspace.notice = { kind: 'info', text: 'Opened the shared network.' };
  traces.clearLogs();
  // A link from before runs were recorded: its Insights passes came from the records alone.
  if (lab?.ok && shared) labs.attach(lab.value, shared.source, shared.runs ? shared : { ...shared, passed: withoutUnprovenPasses(lab.value, shared.passed) });
}

async function openLab(raw: string): Promise<void> {
  let url: URL;
  try {
    url = new URL(raw, document.baseURI);
  } catch {
    return fail(`The lab link "${raw.slice(0, 200)}" is not a valid address.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`Only http(s) lab links can be opened (got "${url.protocol}").`);
  await labs.open({ kind: 'url', url: url.href });
}

/** Called once at start-up (after the autosave is restored): opens a link, or resumes the lab in progress. */
export async function openSharedOrLabLink(location: Location): Promise<void> {
  await openLocation(location);
  // A link pasted into the address bar of the open app changes only the hash.
  globalThis.addEventListener?.('hashchange', () => void openLocation(globalThis.location, true));
}

async function openLocation(loc: Loc, onlyLinks = false): Promise<void> {
  const share = shareData(loc.hash);
  const lab = share === null ? labLinkUrl(loc) : null;
  if (share !== null || lab !== null) {
    forgetLink(loc);
    labs.error = ''; // a new link: an old problem no longer applies
  }
  if (share !== null) return openShare(share);
  if (lab !== null) return openLab(lab);
  if (!onlyLinks) await labs.resume();
}

/** "Open from link…": a share link, a link with #lab= / ?lab=, or the address of a lab file. */
export async function openLinkText(text: string): Promise<void> {
  const t = text.trim();
  if (!t) return;
  labs.error = '';
  let url: URL;
  try {
    url = new URL(t, document.baseURI);
  } catch {
    return fail(`"${t.slice(0, 200)}" is not a link.`);
  }
  if (shareData(url.hash) !== null || labLinkUrl(url) !== null) return openLocation(url, true);
  return openLab(url.href);
}

/** The share link of the current state, or an error when it would be too long for a link. */
export async function makeShareLink(): Promise<{ ok: true; url: string } | { ok: false; error: string }> {
  const state: SharedState = { doc: workspace.doc as Snapshot };
  if (labs.lab && labs.source) state.lab = { source: labs.source as LabSource, step: labs.step, passed: labs.passed, runs: labs.runs };
  const frag = await encodeShare(state);
  if (frag.length > MAX_ENCODED + 20) return { ok: false, error: `This network is too large for a link (${Math.round(frag.length / 1000)} KB compressed; links hold at most ${MAX_ENCODED / 1000} KB). Use Export and share the file instead.` };
  const url = new URL(globalThis.location.href);
  url.hash = frag;
  url.searchParams.delete('lab');
  return { ok: true, url: url.href };
}
