/**
 * Bit-matrix transpose in 32x32 blocks. The matrix is built one way (per destination: which
 * sources its filters admit) and read the other (per source: which destinations it reaches);
 * a block transpose turns 1,024 bit moves into 80 word operations.
 */

/** Transposes a 32x32 block in place: afterwards bit r of a[c] is what bit c of a[r] was. */
export function transpose32(a: Int32Array): void {
  let m = 0x0000ffff;
  for (let j = 16; j !== 0; j >>>= 1, m ^= m << j) {
    for (let k = 0; k < 32; k = ((k | j) + 1) & ~j) {
      const t = ((a[k] >>> j) ^ a[k | j]) & m;
      a[k] ^= t << j;
      a[k | j] ^= t;
    }
  }
}

/**
 * Writes the transpose of `src` (rows x cols, `srcWords` words per row) into `dst`
 * (cols x rows, `dstWords` words per row); with `mask`, of `src & mask`. Blocks that are all
 * zero are written without work.
 */
export function transposeBits(src: Uint32Array, rows: number, srcWords: number, dst: Uint32Array, cols: number, dstWords: number, mask?: Uint32Array): void {
  const a = new Int32Array(32);
  for (let bi = 0; bi < dstWords; bi++) {
    const r0 = bi << 5;
    const rn = Math.min(32, rows - r0);
    for (let bj = 0; bj < srcWords; bj++) {
      const c0 = bj << 5;
      const cn = Math.min(32, cols - c0);
      let any = 0;
      for (let r = 0; r < rn; r++) {
        const i = (r0 + r) * srcWords + bj;
        const v = mask ? src[i] & mask[i] : src[i];
        a[r] = v;
        any |= v;
      }
      if (any === 0) {
        for (let c = 0; c < cn; c++) dst[(c0 + c) * dstWords + bi] = 0;
        continue;
      }
      for (let r = rn; r < 32; r++) a[r] = 0;
      transpose32(a);
      for (let c = 0; c < cn; c++) dst[(c0 + c) * dstWords + bi] = a[c];
    }
  }
}
