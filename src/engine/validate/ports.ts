import type { Ctx } from './context.ts';
import { type Obj, type Path, int } from './read.ts';

/** A port field: where it is and what the document holds there. */
interface PortField {
  path: Path;
  value: unknown;
}

/**
 * Checks a TCP/UDP port range (SG FromPort/ToPort, NACL PortRange.From/To): both present,
 * each 0-65535, and not reversed. `subject` names the rule in the sentence.
 */
export function checkPortRange(ctx: Ctx, subject: string, from: PortField, to: PortField): void {
  if (from.value === undefined || to.value === undefined) {
    const missing = from.value === undefined ? from : to;
    ctx.report('PORT_RANGE_MISSING', missing.path, `${subject} is TCP or UDP but has no ${String(missing.path[missing.path.length - 1])}: give a port range such as 443 to 443 (or 0 to 65535 for all ports).`);
    return;
  }
  const a = int(from.value);
  const b = int(to.value);
  let ok = true;
  for (const [f, v] of [[from, a], [to, b]] as const) {
    if (v !== undefined && (v < 0 || v > 65535)) {
      ctx.report('PORT_OUT_OF_RANGE', f.path, `${subject} port ${v} is outside 0-65535: use a port from 0 to 65535.`);
      ok = false;
    }
  }
  if (ok && a !== undefined && b !== undefined && a > b) {
    ctx.report('PORT_RANGE_REVERSED', from.path, `${subject} port range starts at ${a} but ends at ${b}: swap them so the range is ${b} to ${a}.`);
  }
}

/**
 * Checks an ICMP type and code: each -1 (any) or 0-255, and no specific code under "any type"
 * (AWS: when all types are allowed, all codes must be too).
 */
export function checkIcmp(ctx: Ctx, subject: string, type: PortField, code: PortField): void {
  const t = int(type.value);
  const c = int(code.value);
  let ok = true;
  for (const [f, v, word] of [[type, t, 'type'], [code, c, 'code']] as const) {
    if (v !== undefined && (v < -1 || v > 255)) {
      ctx.report('ICMP_TYPE_CODE_INVALID', f.path, `${subject} ICMP ${word} ${v} is outside -1..255: use -1 for any ${word}, or a ${word} from 0 to 255 (8 is echo request).`);
      ok = false;
    }
  }
  if (ok && t === -1 && c !== undefined && c !== -1) {
    ctx.report('ICMP_TYPE_CODE_INVALID', code.path, `${subject} allows every ICMP type but only code ${c}, which AWS refuses: set the code to -1 or pick one ICMP type.`);
  }
}

/** The field `key` of `o` as a PortField at `path`+key. */
export function field(o: Obj, path: Path, key: string): PortField {
  return { path: [...path, key], value: o[key] };
}
