import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { SnapshotFile } from '../engine/index.ts';

/** Every *.json file below a folder, at any depth, in a stable order. */
async function jsonFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsonFilesUnder(p)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) out.push(p);
  }
  return out;
}

/** Reads a snapshot document or a folder of describe-* files; throws with a readable message. */
export async function readSnapshotFiles(path: string): Promise<SnapshotFile[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new Error(`cannot read ${path}: no such file or folder`);
  }
  if (info.isDirectory()) {
    const files = await jsonFilesUnder(path);
    if (files.length === 0) throw new Error(`${path}: the folder holds no .json file`);
    return Promise.all(files.map(async (f) => ({ path: relative(path, f) || f, text: await readFile(f, 'utf8') })));
  }
  try {
    return [{ path, text: await readFile(path, 'utf8') }];
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`);
  }
}
