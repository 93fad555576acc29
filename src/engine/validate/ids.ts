import { ID_FIELD } from '../model/ids.ts';
import type { Ctx, Finding } from './context.ts';
import { KIND_OF_KEY, type Kind, nounOf } from './names.ts';
import { clip, items, str } from './read.ts';

function duplicatesIn(list: unknown, key: string, kind: Kind, idField: string, report: Ctx['report']): void {
  const first = new Map<string, number>();
  for (const [r, i] of items(list)) {
    const id = str(r[idField]);
    if (id === undefined) continue;
    const at = first.get(id);
    if (at === undefined) first.set(id, i);
    else report('DUPLICATE_ID', [key, i, idField], `${nounOf(kind)} ${clip(id)} appears twice in ${key} (also at index ${at}): ids are unique in AWS, so merge the two entries or give this one its own id.`);
  }
}

/**
 * DUPLICATE_ID: two resources of one list with the same id (AWS ids are unique). A list's
 * findings depend on that list alone: with a memo, an unchanged list (the same array) replays them.
 */
export function checkDuplicateIds(ctx: Ctx): void {
  for (const [key, kind] of KIND_OF_KEY) {
    const idField = ID_FIELD[key];
    if (!idField) continue;
    const list = ctx.doc[key];
    const memo = ctx.memo?.duplicateIds;
    if (!memo || !Array.isArray(list)) {
      duplicatesIn(list, key, kind, idField, ctx.report);
      continue;
    }
    const known = memo.get(list);
    if (known && known.key === key) {
      for (const f of known.findings) ctx.report(f.code, f.path, f.message);
      continue;
    }
    const findings: Finding[] = [];
    duplicatesIn(list, key, kind, idField, (code, path, message) => {
      ctx.report(code, path, message);
      findings.push({ code, path, message });
    });
    memo.set(list, { key, findings });
  }
}
