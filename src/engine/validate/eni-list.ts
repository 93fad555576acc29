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

/** The instance that lists an interface in Reservations, for the " of instance i-…" label suffix. */
interface Owner {
  inst: Obj;
  path: Path;
  text: string | undefined;
}

/**
 * An interface whose label is only written when a sentence needs it: most interfaces have no
 * problem, and describing each one up front cost more than checking it.
 */
class Eni implements EniEntry {
  private text: string | undefined = undefined;
  constructor(readonly r: Obj, readonly path: Path, readonly id: string | undefined, private readonly owner: Owner | null) {}

  get label(): string {
    if (this.text === undefined) {
      const o = this.owner;
      if (o && o.text === undefined) o.text = ` of ${describe('instance', o.inst, o.path).replace(/^Instance/, 'instance')}`;
      this.text = `${describe('eni', this.r, this.path)}${o ? o.text : ''}`;
    }
    return this.text;
  }
}

/**
 * Every network interface once: those of NetworkInterfaces, then those that only the instances
 * of Reservations list (describe-instances repeats an instance's interfaces; the contract makes
 * both copies one resource, so the NetworkInterfaces copy is the one checked).
 */
export function allEnis(ctx: Ctx): EniEntry[] {
  let out = listed.get(ctx);
  if (!out) listed.set(ctx, (out = remembered(ctx) ?? listEnis(ctx)));
  return out;
}

/**
 * With a memo, the previous list while both lists it is read from are the same arrays (an edit
 * elsewhere): its entries, paths and labels are still right. Entries are never modified.
 */
function remembered(ctx: Ctx): EniEntry[] | undefined {
  const memo = ctx.memo;
  const interfaces = ctx.doc.NetworkInterfaces;
  const reservations = ctx.doc.Reservations;
  const key = Array.isArray(interfaces) ? interfaces : Array.isArray(reservations) ? reservations : null;
  if (!memo || !key) return undefined;
  const known = memo.eniLists.get(key);
  if (known && known.interfaces === interfaces && known.reservations === reservations) return known.list as EniEntry[];
  const list = listEnis(ctx);
  memo.eniLists.set(key, { interfaces, reservations, list });
  return list;
}

/** The list of each validation (checkInterfaces and checkFlowLogs both read it); dropped with its context. */
const listed = new WeakMap<Ctx, EniEntry[]>();

function listEnis(ctx: Ctx): EniEntry[] {
  const out: EniEntry[] = [];
  const seen = new Set<string>();
  const add = (r: Obj, path: Path, owner: Owner | null) => {
    const id = idOf('eni', r);
    if (id !== undefined) {
      if (seen.has(id)) return;
      seen.add(id);
    }
    out.push(new Eni(r, path, id, owner));
  };
  for (const [r, i] of items(ctx.doc.NetworkInterfaces)) add(r, ['NetworkInterfaces', i], null);
  for (const [res, i] of items(ctx.doc.Reservations)) {
    for (const [inst, j] of items(res.Instances)) {
      const owner: Owner = { inst, path: ['Reservations', i, 'Instances', j], text: undefined };
      for (const [r, k] of items(inst.NetworkInterfaces)) add(r, ['Reservations', i, 'Instances', j, 'NetworkInterfaces', k], owner);
    }
  }
  return out;
}
