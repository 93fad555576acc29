/**
 * Where the document in force came from, so the sample picker says what is loaded rather than
 * what was last chosen. The workspace keeps one with each document, undo and redo included.
 */
export type DocSource =
  /** Nothing loaded yet (the page is starting). */
  | { kind: 'none' }
  /** A built-in sample, by its id in samples/index.json ('empty' for the empty workspace). */
  | { kind: 'sample'; id: string }
  /** Files from the learner's disk: one name, or how many. */
  | { kind: 'import'; name: string }
  | { kind: 'lab'; title: string }
  | { kind: 'share' }
  | { kind: 'autosave' }
  /** A load that named no source: the history label says what it was ("Imported"). */
  | { kind: 'other'; label: string };

/** The picker's value: the sample's id when a sample is in force, else '' (its placeholder option). */
export function pickerValue(source: DocSource, sampleIds: readonly string[]): string {
  return source.kind === 'sample' && (source.id === 'empty' || sampleIds.includes(source.id)) ? source.id : '';
}

/** The placeholder option's text: what is in force when it is not a sample, else an invitation to pick one. */
export function placeholderText(source: DocSource): string {
  switch (source.kind) {
    case 'import': return `Imported: ${source.name}`;
    case 'lab': return `Lab: ${source.title}`;
    case 'share': return 'Opened from a share link';
    case 'autosave': return 'Your autosaved work';
    case 'other': return source.label;
    default: return 'Samples…';
  }
}


/** The network in force, in a few words for a sentence ("lab "Peering basics"", "sample web-tier"). */
export function sourceLabel(source: DocSource): string {
  switch (source.kind) {
    case 'sample': return source.id === 'empty' ? 'the empty workspace' : `sample ${source.id}`;
    case 'import': return `imported ${source.name}`;
    case 'lab': return `lab "${source.title}"`;
    case 'share': return 'a share link\'s network';
    case 'autosave': return 'your autosaved work';
    case 'other': return source.label;
    default: return 'a new network';
  }
}

/**
 * The built-in samples as they were loaded this session, by id. A document still equal to its
 * sample holds no work of the learner's, so replacing it needs no confirmation (the sample can be
 * loaded again); anything else is work that a load or an import asks before replacing.
 */
const loadedSamples = new Map<string, Record<string, unknown>>();

/** Call with each sample document put in force (the seed at start-up, the picker's Load). */
export function rememberSample(id: string, doc: object): void {
  loadedSamples.set(id, doc as Record<string, unknown>);
}

/**
 * True when the document in force is a built-in sample exactly as loaded. Playground (canvas
 * positions, display settings) is not the learner's network, so moving boxes changes nothing.
 * An autosave restored after a reload is not known here: it counts as work (asking is the safe side).
 */
export function isUnchangedSample(source: DocSource, doc: object): boolean {
  if (source.kind !== 'sample') return false;
  const ref = loadedSamples.get(source.id);
  if (!ref) return false;
  const cur = doc as Record<string, unknown>;
  const keys = new Set([...Object.keys(ref), ...Object.keys(cur)]);
  keys.delete('Playground');
  // Edits return new lists and keep the untouched ones, so identity settles almost every key;
  // undo/redo and a restore may rebuild a list that is still equal.
  for (const k of keys) if (ref[k] !== cur[k] && JSON.stringify(ref[k]) !== JSON.stringify(cur[k])) return false;
  return true;
}
