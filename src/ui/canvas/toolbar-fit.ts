/**
 * How many of the toolbar's "+" buttons fit in `room` pixels, in order: all of them when their widths (and the gaps
 * between them) fit, else as many as fit beside a "More" button of `moreWidth` that takes the rest.
 */
export function fittingCount(widths: readonly number[], room: number, moreWidth: number, gap: number): number {
  const total = widths.reduce((s, w) => s + w, 0) + gap * Math.max(0, widths.length - 1);
  if (total <= room) return widths.length;
  // The "More" button is not rendered before the first overflow: estimate it as the widest "+" button.
  const more = moreWidth || Math.max(0, ...widths);
  let used = more;
  let n = 0;
  while (n < widths.length && used + gap + widths[n] <= room) used += gap + widths[n++];
  return n;
}
