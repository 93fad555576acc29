/** Above this many possible keys, groups are found by hashing instead of a dense array. */
const DENSE_LIMIT = 1 << 22;

/** Largest key space of the int32 paths (dense array or int32 hash table). */
export const INT_KEYS = 0x7fffffff;

/** Called once per new key with the first row that has it and the key; returns the group id. */
export type NewGroup = (row: number, key: number) => number;

/**
 * Maps packed group keys to group ids, a batch at a time: `findBatch` writes the group id of
 * `sel[k]` (packed key `keys[k]`) into `gids[k]`. Keys below 2^31 come as an Int32Array: a dense
 * key space indexes an Int32Array, a large one an open-addressing int32 hash table; keys up to
 * 2^53 use a Float64Array table; text keys a Map. The typed tables are several times faster than
 * a Map at a million groups.
 */
export type GroupIndex =
  | { kind: 'int'; findBatch(keys: Int32Array, sel: Int32Array, m: number, gids: Int32Array): void; findCodes?: FindCodes; findOne?: (code: number, row: number) => number }
  | { kind: 'float'; findBatch(keys: Float64Array, sel: Int32Array, m: number, gids: Int32Array): void }
  | { kind: 'text'; find(key: string, row: number): number };

/** Finds groups keyed by one dictionary column straight from its row codes. */
export type FindCodes = (codes: Int32Array, sel: Int32Array, m: number, gids: Int32Array) => void;

/** Whether `groupIndex(card)` would be the int32 hash table (the key space of `pair-stats.ts`). */
export const hashesInt32 = (card: number): boolean => card > DENSE_LIMIT && card <= INT_KEYS;

export function groupIndex(card: number, newGroup: NewGroup): GroupIndex {
  if (card <= DENSE_LIMIT) {
    const dense = new Int32Array(card).fill(-1);
    const findOne = (code: number, row: number): number => { const g = dense[code]; return g < 0 ? (dense[code] = newGroup(row, code)) : g; };
    return { kind: 'int', findBatch: denseBatch(dense, newGroup), findCodes: denseCodes(dense, newGroup), findOne };
  }
  if (card <= INT_KEYS) return { kind: 'int', findBatch: hashedBatch32(newGroup) };
  if (card <= Number.MAX_SAFE_INTEGER) return { kind: 'float', findBatch: hashedBatch(newGroup) };
  const map = new Map<string, number>();
  return {
    kind: 'text',
    find(key, row) {
      const g = map.get(key);
      if (g !== undefined) return g;
      const n = newGroup(row, NaN);
      map.set(key, n);
      return n;
    },
  };
}

function denseBatch(dense: Int32Array, newGroup: NewGroup) {
  return (keys: Int32Array, sel: Int32Array, m: number, gids: Int32Array): void => {
    for (let k = 0; k < m; k++) {
      const code = keys[k];
      let g = dense[code];
      if (g < 0) dense[code] = g = newGroup(sel[k], code);
      gids[k] = g;
    }
  };
}

/** The dense lookup reading the codes of the rows directly: no packed keys to write and reread. */
function denseCodes(dense: Int32Array, newGroup: NewGroup): FindCodes {
  return (codes, sel, m, gids) => {
    for (let k = 0; k < m; k++) {
      const code = codes[sel[k]];
      let g = dense[code];
      if (g < 0) dense[code] = g = newGroup(sel[k], code);
      gids[k] = g;
    }
  };
}

/** Mixes a non-negative integer below 2^53 into 32 bits. */
function hash(code: number): number {
  const lo = code >>> 0;
  const hi = (code / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca6b) ^ (h >>> 13);
}

function hashedBatch(newGroup: NewGroup) {
  let cap = 1 << 16;
  let mask = cap - 1;
  let slots = new Float64Array(cap);
  let ids = new Int32Array(cap).fill(-1);
  let size = 0;
  const rehash = (): void => {
    const oldSlots = slots;
    const oldIds = ids;
    cap *= 2;
    mask = cap - 1;
    slots = new Float64Array(cap);
    ids = new Int32Array(cap).fill(-1);
    for (let s = 0; s < oldIds.length; s++) {
      if (oldIds[s] < 0) continue;
      let h = hash(oldSlots[s]) & mask;
      while (ids[h] >= 0) h = (h + 1) & mask;
      slots[h] = oldSlots[s];
      ids[h] = oldIds[s];
    }
  };
  return (keys: Float64Array, sel: Int32Array, m: number, gids: Int32Array): void => {
    for (let k = 0; k < m; k++) {
      const code = keys[k];
      let h = hash(code) & mask;
      let g = ids[h];
      while (g >= 0 && slots[h] !== code) {
        h = (h + 1) & mask;
        g = ids[h];
      }
      if (g < 0) {
        g = newGroup(sel[k], code);
        slots[h] = code;
        ids[h] = g;
        if (++size * 2 > cap) rehash();
      }
      gids[k] = g;
    }
  };
}

/**
 * An int32 key table (key and group id side by side, -1 for empty; Fibonacci hashing, linear
 * probing) moved into a table of 2^bits slots.
 */
export function int32TableRehashed(old: Int32Array, bits: number): Int32Array<ArrayBuffer> {
  const mask = (1 << bits) - 1;
  const tab = new Int32Array(2 << bits).fill(-1);
  for (let s = 0; s < old.length; s += 2) {
    const code = old[s];
    if (code < 0) continue;
    let h = Math.imul(code, 0x9e3779b1) >>> (32 - bits);
    while (tab[2 * h] >= 0) h = (h + 1) & mask;
    tab[2 * h] = code;
    tab[2 * h + 1] = old[s + 1];
  }
  return tab;
}

/**
 * The table for keys below 2^31 (two dictionary codes usually pack that small): Fibonacci
 * hashing, linear probing, and each slot's key and group id side by side in one Int32Array, so
 * a lookup touches one cache line (the table is too big for the cache at many groups).
 */
function hashedBatch32(newGroup: NewGroup) {
  let bits = 16;
  let mask = (1 << bits) - 1;
  let tab = new Int32Array(2 << bits).fill(-1);
  let size = 0;
  const rehash = (): void => {
    bits++;
    mask = (1 << bits) - 1;
    tab = int32TableRehashed(tab, bits);
  };
  return (keys: Int32Array, sel: Int32Array, m: number, gids: Int32Array): void => {
    for (let k = 0; k < m; k++) {
      const code = keys[k];
      let h = Math.imul(code, 0x9e3779b1) >>> (32 - bits);
      let at = tab[2 * h];
      while (at !== code && at >= 0) {
        h = (h + 1) & mask;
        at = tab[2 * h];
      }
      if (at < 0) {
        const g = newGroup(sel[k], code);
        tab[2 * h] = code;
        tab[2 * h + 1] = g;
        gids[k] = g;
        // Up to 3/4 full: probes mostly stay within a cache line, and a smaller table caches better.
        if (++size * 4 > mask * 3) rehash();
      } else gids[k] = tab[2 * h + 1];
    }
  };
}
