/**
 * A flat (sequential) copy of a string. Strings built by concatenation are ropes, and
 * Array#join walks a rope every time it copies one; texts reused for every line (interface
 * constants, addresses) are flattened once so that writing a line is one plain copy.
 */
export function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
