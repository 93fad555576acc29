import { type Cidr, type Ipv4, cidrOf, formatCidr, formatIpv4, maskOf, tryParseCidr, tryParseIpv4 } from '../ip/index.ts';
import type { Ctx } from './context.ts';
import { type Path, clip } from './read.ts';

/** Why a CIDR text is not usable: malformed, or well-formed with host bits set (and what it should be). */
export type CidrProblem = { kind: 'malformed'; reason: string } | { kind: 'host-bits'; canonical: string };

/** Strict parse with the reason for a refusal; host bits set is told apart so the message can give the network. */
export function readCidr(text: string): { ok: true; cidr: Cidr } | { ok: false; problem: CidrProblem } {
  const r = tryParseCidr(text);
  if (r.ok) return { ok: true, cidr: r.value };
  const slash = text.indexOf('/');
  const ip = slash > 0 ? tryParseIpv4(text.slice(0, slash)) : null;
  const len = text.slice(slash + 1);
  if (ip?.ok && /^(0|[1-9][0-9]?)$/.test(len) && Number(len) <= 32) {
    return { ok: false, problem: { kind: 'host-bits', canonical: formatCidr(cidrOf(ip.value, Number(len))) } };
  }
  const reason = r.error.replace(/^"[\s\S]*" is not a CIDR block: /, '');
  return { ok: false, problem: { kind: 'malformed', reason } };
}

/**
 * Checks one CIDR field and reports CIDR_MALFORMED / CIDR_HOST_BITS at its path. `subject`
 * names the field in the sentence ("Subnet subnet-0abc CIDR"), `example` is a block to suggest.
 * Returns the block when it is usable.
 */
export function checkCidrText(ctx: Ctx, path: Path, subject: string, text: string, example: string): Cidr | null {
  const r = readCidr(text);
  if (r.ok) return r.cidr;
  if (r.problem.kind === 'host-bits') {
    ctx.report('CIDR_HOST_BITS', path, `${subject} ${clip(text)} has host bits set, which AWS refuses: write the network address ${r.problem.canonical} instead.`);
  } else {
    ctx.report('CIDR_MALFORMED', path, `${subject} ${JSON.stringify(clip(text))} is not a valid IPv4 CIDR block (${r.problem.reason}): write it like ${example}.`);
  }
  return null;
}

/** A block of the given prefix length around a CIDR, to suggest when its size is refused. */
export function resized(c: Cidr, prefix: number): string {
  return formatCidr(cidrOf(c.base, prefix));
}

/** The five addresses AWS reserves in every subnet: network, router, DNS, future use, last. */
export function reservedAddresses(c: Cidr): Map<number, string> {
  const base = c.base;
  const last = (base | (~maskOf(c.prefix) >>> 0)) >>> 0;
  return new Map<number, string>([
    [base, 'the network address'],
    [base + 1, 'the VPC router address'],
    [base + 2, 'the Amazon DNS address'],
    [base + 3, 'reserved by AWS for future use'],
    [last, 'the last address of the subnet'],
  ]);
}

/** The first address a learner may use in a subnet (network + 4). */
export function firstUsable(c: Cidr): string {
  return formatIpv4((c.base + 4) as Ipv4);
}
