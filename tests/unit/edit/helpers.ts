import { counterIds, type EditResult } from '../../../src/engine/edit/index.ts';
import type { Snapshot } from '../../../src/engine/index.ts';

/** Unwraps a result, failing the test with AWS's message when the action refused. */
export function must(r: EditResult): Snapshot {
  if (r.error) throw new Error(r.error);
  return r.doc;
}

export const ids = () => counterIds();
