import type { Ctx } from './context.ts';
import { describe, idOf } from './names.ts';
import { type Obj, type Path, items } from './read.ts';

/** A network interface wherever the document holds it. */
export interface EniEntry {
  r: Obj;
  path: Path;
  id: string | undefined;
  label: string;
}

/**
 * Every network interface once: those of NetworkInterfaces, then those that only the instances
 * of Reservations list (describe-instances repeats an instance's interfaces; the contract makes
 * both copies one resource, so the NetworkInterfaces copy is the one checked).
 */
export function allEnis(ctx: Ctx): EniEntry[] {
  const out: EniEntry[] = [];
  const seen = new Set<string>();
  const add = (r: Obj, path: Path, suffix: string) => {
    const id = idOf('eni', r);
    if (id !== undefined) {
      if (seen.has(id)) return;
      seen.add(id);
    }
    out.push({ r, path, id, label: `${describe('eni', r, path)}${suffix}` });
  };
  for (const [r, i] of items(ctx.doc.NetworkInterfaces)) add(r, ['NetworkInterfaces', i], '');
  for (const [res, i] of items(ctx.doc.Reservations)) {
    for (const [inst, j] of items(res.Instances)) {
      const owner = ` of ${describe('instance', inst, ['Reservations', i, 'Instances', j]).replace(/^Instance/, 'instance')}`;
      for (const [r, k] of items(inst.NetworkInterfaces)) add(r, ['Reservations', i, 'Instances', j, 'NetworkInterfaces', k], owner);
    }
  }
  return out;
}
