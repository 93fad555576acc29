/** The kind of component a hop passes, as the trace contract names them. */
export type HopKind =
  | 'network-interface'
  | 'security-group'
  | 'network-acl'
  | 'route-table'
  | 'vpc-peering-connection'
  | 'internet-gateway'
  | 'nat-gateway'
  | 'internet';

/** What a component did to the packet. */
export type HopAction =
  /** A filter (security group, network ACL) let it pass, or an interface sent it. */
  | 'allow'
  /** A filter stopped it. */
  | 'deny'
  /** A route table, gateway or peering connection forwarded it. */
  | 'route'
  /** A gateway rewrote an address (internet gateway 1:1, NAT gateway source NAT). */
  | 'translate'
  /** It reached its destination. */
  | 'deliver'
  /** A routing component dropped it. */
  | 'drop';

/** One component the packet passed or was stopped at. */
export interface Hop {
  component: string;
  kind: HopKind;
  action: HopAction;
  detail: string;
  /** The matched rule as the snapshot holds it: the NACL entry, the route, the SG permission. */
  rule?: unknown;
}

/**
 * How one direction of a trace ended (Batfish-style closed set). Only DELIVERED and
 * EXITS_NETWORK reach the destination.
 */
export type Disposition =
  /** Reached the destination interface or AWS service. */
  | 'DELIVERED'
  /** Reached the simulated internet host. */
  | 'EXITS_NETWORK'
  /** A security group or network ACL denied it. */
  | 'DENIED'
  /** No route matched. */
  | 'NO_ROUTE'
  /** The matching route is a blackhole or its target unusable. */
  | 'NULL_ROUTED'
  /** A gateway or peering connection refused it. */
  | 'DROPPED_BY_GATEWAY'
  /** No interface holds the destination address. */
  | 'NEIGHBOR_UNREACHABLE'
  /** The path leads to a component the simulator does not model. */
  | 'UNSUPPORTED';

export function isSuccessful(d: Disposition): boolean {
  return d === 'DELIVERED' || d === 'EXITS_NETWORK';
}

/**
 * Reachability Analyzer's explanation codes that the simulator uses, and two of its own
 * (NO_ENI_AT_DESTINATION, ASYMMETRIC_RETURN_PATH): explain/codes.ts marks them for learners.
 */
export type ExplanationCode =
  | 'NO_ROUTE_TO_DESTINATION'
  | 'BAD_STATE_ROUTE'
  | 'ENI_SG_RULES_MISMATCH'
  | 'SUBNET_ACL_RESTRICTION'
  | 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR'
  | 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS'
  | 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS'
  | 'NO_ENI_AT_DESTINATION'
  | 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS'
  | 'PROTOCOL_RESTRICTION'
  | 'UNSUPPORTED_COMPONENT'
  /** A component that is not in a functional state: here, an instance that is not running. */
  | 'BAD_STATE'
  /** Not a Reachability Analyzer code (it checks the forward path only): the reply leaves by another path that rewrites its source, so the client drops it. */
  | 'ASYMMETRIC_RETURN_PATH';

/**
 * A change to the document that would let the traffic through, for a one-click fix. The
 * engine's edit actions apply it; the CLI prints only the sentence.
 */
export type FixAction =
  | { kind: 'add-route'; routeTableId: string; destination: string; target: { VpcPeeringConnectionId?: string; GatewayId?: string; NatGatewayId?: string } }
  | { kind: 'replace-route'; routeTableId: string; destination: string; target: { VpcPeeringConnectionId?: string; GatewayId?: string; NatGatewayId?: string } }
  | { kind: 'add-sg-rule'; groupId: string; direction: 'ingress' | 'egress'; permission: Record<string, unknown> }
  | { kind: 'add-acl-entry'; networkAclId: string; entry: Record<string, unknown> }
  | { kind: 'accept-peering'; peeringId: string };

export interface Explanation {
  code: ExplanationCode;
  path: 'forward' | 'return';
  direction: 'egress' | 'ingress' | null;
  component: string;
  message: string;
  fix?: string;
  /** Machine-readable form of `fix` (not part of the CLI output). */
  action?: FixAction;
}

/** One direction of a trace: Batfish's { disposition, hops }. */
export interface PathTrace {
  disposition: Disposition;
  hops: Hop[];
}
