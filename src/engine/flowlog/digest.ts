/**
 * A deterministic content digest for S3 log file names. AWS's `<hash>` part is opaque; the
 * simulator uses FNV-1a (32-bit) of the file body, so the same records give the same name.
 */

/** FNV-1a 32-bit of a string's UTF-16 code units, as 8 lowercase hex digits. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
