/**
 * What a flow-log record says about the interface itself (account, VPC, subnet, instance,
 * region, AZ), computed once per interface, and the traffic AWS never logs for it.
 */
import { AMAZON_DNS_LINK_LOCAL, INSTANCE_METADATA, TIME_SYNC, formatIpv4 } from '../ip/index.ts';
import type { NEni, Network } from '../model/network.ts';

/** The per-interface values of a record. */
export interface EniInfo {
  eni: NEni;
  accountId: string;
  interfaceId: string;
  vpcId: string | null;
  subnetId: string | null;
  /** Null for requester-managed interfaces (a NAT gateway's): AWS writes "-". */
  instanceId: string | null;
  region: string;
  azId: string | null;
  /** The primary private IPv4 as text. */
  privateIpText: string;
  /** Addresses whose traffic AWS never logs for this interface (Amazon DNS, the subnet router, link-local services). */
  unlogged: readonly number[];
}

/** Windows license activation (KMS) addresses, reached over link-local like metadata. */
const KMS = [0xa9fea9fa, 0xa9fea9fb];

/** Computes the per-interface values once. */
export function eniInfo(net: Network, eni: NEni): EniInfo {
  const unlogged = [INSTANCE_METADATA, TIME_SYNC, AMAZON_DNS_LINK_LOCAL, ...KMS];
  // The Amazon DNS server is the primary CIDR's base + 2; the router is each subnet's base + 1.
  const primary = eni.vpc?.cidrs[0];
  if (primary) unlogged.push(primary.base + 2);
  if (eni.subnet?.cidr) unlogged.push(eni.subnet.cidr.base + 1);
  const requesterManaged = eni.natGatewayId !== null || eni.interfaceType === 'nat_gateway';
  return {
    eni,
    accountId: eni.ownerId,
    interfaceId: eni.id,
    vpcId: eni.vpc?.id ?? null,
    subnetId: eni.subnet?.id ?? null,
    instanceId: requesterManaged ? null : eni.instanceId,
    region: eni.vpc?.region ?? net.defaultRegion,
    azId: eni.subnet?.azId ?? null,
    privateIpText: formatIpv4(eni.privateIp),
    unlogged,
  };
}

/**
 * True for traffic AWS never records: to or from the Amazon DNS server, the VPC router,
 * instance metadata, Time Sync, license activation, and DHCP (UDP 67/68).
 */
export function isNeverLogged(info: EniInfo, src: number, dst: number, protocol: number, srcPort: number, dstPort: number): boolean {
  const u = info.unlogged;
  for (let i = 0; i < u.length; i++) if (u[i] === src || u[i] === dst) return true;
  return protocol === 17 && (srcPort === 67 || srcPort === 68) && (dstPort === 67 || dstPort === 68);
}
