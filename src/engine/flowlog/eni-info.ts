/**
 * What a flow-log record says about the interface itself (account, VPC, subnet, instance,
 * region, AZ), computed once per interface, and the traffic AWS never logs for it.
 */
import { AMAZON_DNS_LINK_LOCAL, INSTANCE_METADATA, TIME_SYNC, formatIpv4 } from '../ip/index.ts';
import type { NEni, Network } from '../model/network.ts';
import { flat } from './flat.ts';

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
  /** The Amazon DNS server (the primary CIDR's base + 2) and the subnet router (base + 1), or -1. */
  dnsIp: number;
  routerIp: number;
}

/** Windows license activation (KMS) addresses, reached over link-local like metadata. */
const KMS = [0xa9fea9fa, 0xa9fea9fb];

/** Computes the per-interface values once. */
const INFO = new WeakMap<NEni, EniInfo>();

export function eniInfo(net: Network, eni: NEni): EniInfo {
  // An interface belongs to one compiled (immutable) network: its texts are computed once.
  let info = INFO.get(eni);
  if (!info) INFO.set(eni, (info = computeEniInfo(net, eni)));
  return info;
}

function computeEniInfo(net: Network, eni: NEni): EniInfo {
  const primary = eni.vpc?.cidrs[0];
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
    privateIpText: flat(formatIpv4(eni.privateIp)),
    dnsIp: primary ? primary.base + 2 : -1,
    routerIp: eni.subnet?.cidr ? eni.subnet.cidr.base + 1 : -1,
  };
}

const LINK_LOCAL_SERVICES = [INSTANCE_METADATA, TIME_SYNC, AMAZON_DNS_LINK_LOCAL, ...KMS];

function isUnloggedAddress(info: EniInfo, ip: number): boolean {
  if (ip === info.dnsIp || ip === info.routerIp) return true;
  return ip >>> 16 === 0xa9fe && LINK_LOCAL_SERVICES.includes(ip);
}

/**
 * True for traffic AWS never records: to or from the Amazon DNS server, the VPC router,
 * instance metadata, Time Sync, license activation, and DHCP (UDP 67/68).
 */
export function isNeverLogged(info: EniInfo, src: number, dst: number, protocol: number, srcPort: number, dstPort: number): boolean {
  if (isUnloggedAddress(info, src) || isUnloggedAddress(info, dst)) return true;
  return protocol === 17 && (srcPort === 67 || srcPort === 68) && (dstPort === 67 || dstPort === 68);
}
