/** Above this many possible keys, groups are found by hashing instead of a dense array. */
const DENSE_LIMIT = 1 << 22;

/**
 * Maps packed group keys to group ids, a batch at a time. `newGroup(row)` is called once per new
 * key with the first row that has it. Dense key spaces index an Int32Array; large integer key
 * spaces use an open-addressing hash table on Float64Array/Int32Array (several times faster
 * than a Map at a million groups); text keys use a Map.
 */
export interface GroupIndex {
  /** Writes the group id of `sel[k]` (packed key `keys[k]`) into `gids[k]`. */
  findBatch(keys: Float64Array, sel: Int32Array, m: number, gids: Int32Array): void;
  /** The group id of one text key. */
  findText(key: string, row: number): number;
}

export function groupIndex(card: number, newGroup: (row: number) => number): GroupIndex {
  const map = new Map<string, number>();
  const findText = (key: string, row: number): number => {
    const g = map.get(key);
    if (g !== undefined) return g;
    const n = newGroup(row);
    map.set(key, n);
    return n;
  };
  if (card <= DENSE_LIMIT) {
    const dense = new Int32Array(card).fill(-1);
    return {
      findText,
      findBatch(keys, sel, m, gids) {
        for (let k = 0; k < m; k++) {
          const code = keys[k];
          let g = dense[code];
          if (g < 0) dense[code] = g = newGroup(sel[k]);
          gids[k] = g;
        }
      },
    };
  }
  return { findText, findBatch: card < 0x7fffffff ? hashedBatch32(newGroup) : hashedBatch(newGroup) };
}

/** Mixes a non-negative integer below 2^53 into 32 bits. */
function hash(code: number): number {
  const lo = code >>> 0;
  const hi = (code / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca6b) ^ (h >>> 13);
}

function hashedBatch(newGroup: (row: number) => number): GroupIndex['findBatch'] {
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
  return (keys, sel, m, gids) => {
    for (let k = 0; k < m; k++) {
      const code = keys[k];
      let h = hash(code) & mask;
      let g = ids[h];
      while (g >= 0 && slots[h] !== code) {
        h = (h + 1) & mask;
        g = ids[h];
      }
      if (g < 0) {
        g = newGroup(sel[k]);
        slots[h] = code;
        ids[h] = g;
        if (++size * 2 > cap) rehash();
      }
      gids[k] = g;
    }
  };
}

/**
 * The same table for keys below 2^31 (two dictionary codes usually pack that small): int32
 * slots and Fibonacci hashing, half the memory and fewer cache misses.
 */
function hashedBatch32(newGroup: (row: number) => number): GroupIndex['findBatch'] {
  let bits = 16;
  let mask = (1 << bits) - 1;
  let slots = new Int32Array(1 << bits).fill(-1);
  let ids = new Int32Array(1 << bits);
  let size = 0;
  const slotOf = (code: number): number => Math.imul(code, 0x9e3779b1) >>> (32 - bits);
  const rehash = (): void => {
    const oldSlots = slots;
    const oldIds = ids;
    bits++;
    mask = (1 << bits) - 1;
    slots = new Int32Array(1 << bits).fill(-1);
    ids = new Int32Array(1 << bits);
    for (let s = 0; s < oldSlots.length; s++) {
      const code = oldSlots[s];
      if (code < 0) continue;
      let h = slotOf(code);
      while (slots[h] >= 0) h = (h + 1) & mask;
      slots[h] = code;
      ids[h] = oldIds[s];
    }
  };
  return (keys, sel, m, gids) => {
    for (let k = 0; k < m; k++) {
      const code = keys[k];
      let h = slotOf(code);
      let at = slots[h];
      while (at !== code && at >= 0) {
        h = (h + 1) & mask;
        at = slots[h];
      }
      if (at < 0) {
        slots[h] = code;
        ids[h] = newGroup(sel[k]);
        gids[k] = ids[h];
        if (++size * 2 > mask) rehash();
      } else gids[k] = ids[h];
    }
  };
}
