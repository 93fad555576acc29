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
