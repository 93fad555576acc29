/** Samples, import and export: documents in and out of the workspace (fetch and files only; parsing is the engine's). */
import { loadSnapshotFiles, type Diagnostic, type Snapshot, type SnapshotFile } from '../engine/index.ts';

export interface SampleInfo {
  id: string;
  title: string;
  files: string[];
}

const base = () => import.meta.env.BASE_URL;

export async function listSamples(): Promise<SampleInfo[]> {
  const res = await fetch(`${base()}samples/index.json`);
  if (!res.ok) throw new Error(`samples index: HTTP ${res.status}`);
  return (await res.json()) as SampleInfo[];
}

export async function fetchSample(s: SampleInfo): Promise<{ doc: Snapshot | null; diagnostics: Diagnostic[] }> {
  const files = await Promise.all(
    s.files.map(async (path): Promise<SnapshotFile> => {
      const res = await fetch(`${base()}samples/${path}`);
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      return { path, text: await res.text() };
    }),
  );
  const r = loadSnapshotFiles(files);
  return { doc: r.snapshot, diagnostics: r.diagnostics };
}

/** Reads dropped or chosen files (a folder keeps its relative paths, so region folders are recognised). */
export async function readFiles(list: Iterable<File>): Promise<{ doc: Snapshot | null; diagnostics: Diagnostic[]; count: number }> {
  const files: SnapshotFile[] = [];
  for (const f of list) {
    if (!f.name.toLowerCase().endsWith('.json')) continue;
    files.push({ path: f.webkitRelativePath || f.name, text: await f.text() });
  }
  if (files.length === 0) return { doc: null, diagnostics: [{ code: 'NO_JSON', severity: 'error', path: '$', message: 'No .json file was given: export `aws ec2 describe-*` output as JSON.' }], count: 0 };
  const r = loadSnapshotFiles(files);
  return { doc: r.snapshot, diagnostics: r.diagnostics, count: files.length };
}

export function exportDoc(doc: Snapshot): void {
  const blob = new Blob([JSON.stringify(doc, null, 2) + '\n'], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'vpc-lab-snapshot.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
