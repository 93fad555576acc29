/**
 * What Import refuses before anything else: a JSON object that is not a network. The loader
 * accepts any object (unknown keys pass through, as the contract says), so {"hello":"world"} or a
 * lab file would otherwise go in force as an empty network and wipe the one on the page.
 */
import { SIMULATED_KEYS } from '../../engine/index.ts';

/** The describe-* response keys the snapshot document knows (schema.ts, plus the prefix lists routes read). */
export const DESCRIBE_KEYS: readonly string[] = [...SIMULATED_KEYS, 'PrefixLists'];

/** A VPC Lab lab file: its format tag, or the shape every lab has (a start network and steps). */
export function isLabFile(doc: Record<string, unknown>): boolean {
  if (typeof doc.format === 'string' && doc.format.startsWith('vpc-lab/lab')) return true;
  return Array.isArray(doc.steps) && doc.start !== null && typeof doc.start === 'object';
}

export type Refusal = { kind: 'lab' | 'not-a-network'; text: string };

/**
 * Why a loaded document must not be imported, or null when it holds at least one describe-* key
 * (an empty list is fine: `aws ec2 describe-vpcs` in an empty region prints `{"Vpcs": []}`).
 * `name` is the file's name, or "N files".
 */
export function importRefusal(doc: Record<string, unknown>, name: string): Refusal | null {
  if (isLabFile(doc)) {
    const title = typeof doc.title === 'string' && doc.title.trim() ? ` (“${doc.title.trim().slice(0, 80)}”)` : '';
    return { kind: 'lab', text: `Not imported: ${name} is a VPC Lab lab file${title}, not a network. Open it from Labs → Open lab file… to start the lab. Your network is unchanged.` };
  }
  if (DESCRIBE_KEYS.some((k) => k in doc)) return null;
  const keys = Object.keys(doc).filter((k) => k !== 'Playground');
  // VPC Lab's own export of an empty workspace: a snapshot, but one with no network in it.
  if (keys.length === 0 && 'Playground' in doc) {
    return { kind: 'not-a-network', text: `Not imported: ${name} holds no network, only VPC Lab's Playground settings (an export of an empty workspace). To start empty, choose "Empty workspace" and Load. Your network is unchanged.` };
  }
  const found = keys.length ? ` Its top-level keys are ${keys.slice(0, 5).map((k) => `"${k.slice(0, 40)}"`).join(', ')}${keys.length > 5 ? ', …' : ''}.` : ' It is an empty object.';
  return {
    kind: 'not-a-network',
    text: `Not imported: ${name} is not aws ec2 describe-* output: it has none of the keys "Vpcs", "Subnets", "RouteTables", "SecurityGroups", "NetworkAcls", "Reservations"… that a network needs.${found} Your network is unchanged.`,
  };
}
