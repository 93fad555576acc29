/** Derives defaults for dialogs from the selection: the VPC or subnet the learner is looking at. */
import type { Snapshot } from '../engine/index.ts';
import { list } from '../engine/edit/index.ts';

export function vpcOfSelection(doc: Snapshot, id: string | null): string | null {
  if (!id) return list(doc, 'Vpcs')[0]?.VpcId ?? null;
  if (id.startsWith('vpc-')) return id;
  const sn = subnetOfSelection(doc, id);
  if (sn) return list(doc, 'Subnets').find((s) => s.SubnetId === sn)?.VpcId ?? null;
  const igw = list(doc, 'InternetGateways').find((g) => g.InternetGatewayId === id);
  return igw?.Attachments?.[0]?.VpcId ?? list(doc, 'Vpcs')[0]?.VpcId ?? null;
}

export function subnetOfSelection(doc: Snapshot, id: string | null): string | null {
  if (!id) return null;
  if (id.startsWith('subnet-')) return id;
  if (id.startsWith('i-')) {
    for (const r of list(doc, 'Reservations')) for (const i of r.Instances ?? []) if (i.InstanceId === id) return i.SubnetId ?? null;
  }
  if (id.startsWith('nat-')) return list(doc, 'NatGateways').find((n) => n.NatGatewayId === id)?.SubnetId ?? null;
  return null;
}

export const label = (r: { Tags?: { Key: string; Value: string }[] }, id: string) => {
  const n = r.Tags?.find((t) => t.Key === 'Name')?.Value;
  return n ? `${n} (${id})` : id;
};
