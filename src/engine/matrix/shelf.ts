/** The values of one owner: a few (detail, value) pairs in an array, a Map beyond that. */
type Slot<V> = { details: string[]; values: V[]; map: Map<string, V> | null };

/**
 * A cache of values keyed by an owner id and a detail, that an edit invalidates by owner or
 * by tag (a group id or VPC id the value depends on) without scanning every entry. Most
 * owners hold one to four values: a small array beats a Map per owner by a wide margin.
 */
export class Shelf<V> {
  private readonly byOwner = new Map<string, Slot<V>>();
  private readonly tagged = new Map<string, Set<string>>();

  /** The cached value, made (and tagged) on a miss. Hot callers use peek/put to spare the closure. */
  get(owner: string, detail: string, make: () => V, tags?: () => Iterable<string>): V {
    const v = this.peek(owner, detail);
    if (v !== undefined) return v;
    const made = make();
    this.put(owner, detail, made, tags);
    return made;
  }

  put(owner: string, detail: string, v: V, tags?: () => Iterable<string>): void {
    let slot = this.byOwner.get(owner);
    if (!slot) {
      slot = { details: [], values: [], map: null };
      this.byOwner.set(owner, slot);
      if (tags) {
        for (const tag of tags()) {
          let owners = this.tagged.get(tag);
          if (!owners) this.tagged.set(tag, (owners = new Set()));
          owners.add(owner);
        }
      }
    }
    if (slot.map) {
      slot.map.set(detail, v);
      return;
    }
    slot.details.push(detail);
    slot.values.push(v);
    if (slot.details.length > 8) slot.map = new Map(slot.details.map((d, k) => [d, slot!.values[k]]));
  }

  /** The cached value, without making it. */
  peek(owner: string, detail: string): V | undefined {
    const slot = this.byOwner.get(owner);
    if (!slot) return undefined;
    if (slot.map) return slot.map.get(detail);
    const i = slot.details.indexOf(detail);
    return i >= 0 ? slot.values[i] : undefined;
  }

  drop(owner: string): void {
    this.byOwner.delete(owner);
  }

  clear(): void {
    this.byOwner.clear();
    this.tagged.clear();
  }

  dropTagged(tag: string): void {
    const owners = this.tagged.get(tag);
    if (!owners) return;
    for (const o of owners) this.byOwner.delete(o);
    this.tagged.delete(tag);
  }
}
