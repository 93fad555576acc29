/**
 * Edit actions: pure functions `(doc, args, ids) -> { doc, error? }` that change the snapshot
 * document the way the matching AWS API call would. They never mutate their input, never read a
 * clock or draw random numbers: ids come from the injected generator, so tests are exact.
 */
import type { Snapshot } from '../model/schema.ts';

/** Makes AWS-style ids: `ids.next('vpc')` -> "vpc-0a1b2c3d4e5f60718". Injected, never global. */
export interface IdGenerator {
  next(prefix: string): string;
}

/** The outcome of an edit: the new document, or the old one and the error AWS would give. */
export interface EditResult {
  doc: Snapshot;
  /** AWS-style refusal ("DependencyViolation: ..."), shown to the learner; the document is unchanged. */
  error?: string;
  /** Ids the action created, so the UI can select what was just made. */
  created?: string[];
}

/**
 * How undo treats an action (Excalidraw's `captureUpdate`): `immediately` records an undo step,
 * `never` does not (loading a sample, dragging a node).
 */
export type UndoTreatment = 'immediately' | 'never';

/** A counter-based generator: deterministic ids for tests and benches. */
export function counterIds(seed = 0): IdGenerator {
  let n = seed;
  return {
    next(prefix: string) {
      n += 1;
      return `${prefix}-${n.toString(16).padStart(17, '0')}`;
    },
  };
}

export const ok = (doc: Snapshot, created?: string[]): EditResult => (created ? { doc, created } : { doc });
export const fail = (doc: Snapshot, error: string): EditResult => ({ doc, error });
