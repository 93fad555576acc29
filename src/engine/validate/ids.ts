import { ID_FIELD } from '../model/ids.ts';
import type { Ctx } from './context.ts';
import { KIND_OF_KEY, nounOf } from './names.ts';
import { clip, items, str } from './read.ts';

/** DUPLICATE_ID: two resources of one list with the same id (AWS ids are unique). */
export function checkDuplicateIds(ctx: Ctx): void {
  for (const [key, kind] of KIND_OF_KEY) {
    const idField = ID_FIELD[key];
    if (!idField) continue;
    const first = new Map<string, number>();
    for (const [r, i] of items(ctx.doc[key])) {
      const id = str(r[idField]);
      if (id === undefined) continue;
      const at = first.get(id);
      if (at === undefined) first.set(id, i);
      else ctx.report('DUPLICATE_ID', [key, i, idField], `${nounOf(kind)} ${clip(id)} appears twice in ${key} (also at index ${at}): ids are unique in AWS, so merge the two entries or give this one its own id.`);
    }
  }
}
