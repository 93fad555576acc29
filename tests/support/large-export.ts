/**
 * A large, realistic `aws ec2 describe-*` export for import tests: the synthetic network of
 * bench/synthetic-network.ts (100 VPCs, 400 subnets, ~2,000 interfaces by default) written as
 * one file per describe command, indented as the AWS CLI prints JSON. About 12 MB at the
 * default size with `indent: 4`, 7-8 MB with `indent: 2`. Generated on demand: never commit the output.
 *
 *   npx tsx tests/support/large-export.ts <out-dir> [indent]   # writes describe-*.json there
 */
import { syntheticSnapshot, type SyntheticOptions } from '../../bench/synthetic-network.ts';

/** describe-* command of each top-level key, as the AWS CLI names its output. */
const COMMANDS: Record<string, string> = {
  Vpcs: 'describe-vpcs', Subnets: 'describe-subnets', RouteTables: 'describe-route-tables', SecurityGroups: 'describe-security-groups',
  NetworkAcls: 'describe-network-acls', VpcPeeringConnections: 'describe-vpc-peering-connections', InternetGateways: 'describe-internet-gateways',
  NatGateways: 'describe-nat-gateways', NetworkInterfaces: 'describe-network-interfaces', Reservations: 'describe-instances',
  Addresses: 'describe-addresses', FlowLogs: 'describe-flow-logs',
};

export interface ExportFile { name: string; mimeType: 'application/json'; buffer: Buffer }

/** The export as files (name, bytes), ready for Playwright's setInputFiles. */
export function largeExport(options: SyntheticOptions & { indent?: number } = {}): ExportFile[] {
  const doc = syntheticSnapshot(options) as Record<string, unknown>;
  return Object.entries(doc).map(([key, value]) => ({
    name: `${COMMANDS[key] ?? key}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ [key]: value }, null, options.indent ?? 2) + '\n'),
  }));
}

export const totalBytes = (files: ExportFile[]) => files.reduce((n, f) => n + f.buffer.length, 0);

if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const out = process.argv[2];
  if (!out) throw new Error('usage: npx tsx tests/support/large-export.ts <out-dir> [indent]');
  mkdirSync(out, { recursive: true });
  const files = largeExport({ indent: Number(process.argv[3] ?? 2) });
  for (const f of files) writeFileSync(join(out, f.name), f.buffer);
  console.log(`${files.length} files, ${(totalBytes(files) / 1e6).toFixed(1)} MB in ${out}`);
}
