/** Start-up: restore the autosave, else load the seed sample; then open a share or lab link. Never throws: problems become notices. */
import { restoreDoc } from './persist.ts';
import { restoreTraffic } from './persist-traffic.ts';
import { traces } from './trace.svelte.ts';
import { fetchSample, listSamples } from './io.ts';
import { workspace } from './workspace.svelte.ts';
import { rememberSample } from './doc-source.ts';

export async function boot(): Promise<void> {
  await restoreOrSeed();
  // Share links (#share=…) and lab links (#lab= / ?lab=) are opened over the restored work,
  // which they ask before replacing. Loaded lazily: the labs code is not needed for first paint.
  try {
    const { openSharedOrLabLink } = await import('./labs.svelte.ts');
    await openSharedOrLabLink(location);
  } catch (e) {
    workspace.notice = { kind: 'error', text: `Could not open the link: ${(e as Error).message}` };
  }
}

async function restoreOrSeed(): Promise<void> {
  const saved = restoreDoc();
  if (saved.doc) {
    workspace.load(saved.doc, 'Restored your autosaved workspace', saved.source);
    // The flow-log records written before the reload, and the simulated clock they were written at.
    const traffic = restoreTraffic();
    if (traffic) {
      traces.logged = traffic.logged;
      traces.clock = Math.max(traces.clock, traffic.clock);
    }
    workspace.notice = { kind: 'info', text: `Restored your autosaved workspace${traffic?.logged.length ? ` and its ${traffic.logged.length} flow-log record(s)` : ''}.` };
    return;
  }
  const before = workspace.version;
  try {
    const seed = (await listSamples()).find((s) => s.id === 'seed');
    const r = seed ? await fetchSample(seed) : null;
    // The learner may have imported or loaded something while the sample was on its way.
    if (r?.doc && workspace.version === before) {
      workspace.load(r.doc, 'Loaded the seed network', { kind: 'sample', id: 'seed' });
      rememberSample('seed', r.doc); // unchanged, it is no work to ask about before a load
    }
  } catch (e) {
    workspace.notice = { kind: 'error', text: `Could not load the sample network: ${(e as Error).message}` };
  }
  if (saved.error) workspace.notice = { kind: 'error', text: saved.error };
}
