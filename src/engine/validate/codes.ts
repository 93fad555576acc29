import type { Severity } from '../diagnostics.ts';

/** What the UI and the docs show about one diagnostic code. */
export interface CodeInfo {
  readonly severity: Severity;
  readonly summary: string;
}

/**
 * Every code validateSnapshot can emit (plus the loader's), with its fixed severity.
 * `error`: AWS itself would refuse the configuration. `warning`: AWS tolerates it and real
 * exports contain it; the engine then behaves as AWS would (see contracts/trace-cli.md §1).
 */
export const DIAGNOSTIC_CODES = {
  // Document shape (zod schema)
  NOT_AN_OBJECT: { severity: 'error', summary: 'The document is not a JSON object.' },
  WRONG_TYPE: { severity: 'error', summary: 'A field holds the wrong kind of value (text instead of a number, an object instead of a list...).' },
  MISSING_FIELD: { severity: 'error', summary: 'A required field (such as an id) is missing.' },
  INVALID_VALUE: { severity: 'error', summary: 'A field holds a value outside its fixed set (e.g. RuleAction other than allow/deny).' },
  SHAPE_INVALID: { severity: 'error', summary: 'Any other shape problem found by the schema.' },
  FORBIDDEN_KEY: { severity: 'warning', summary: 'A "__proto__", "constructor" or "prototype" key: never AWS output, and it can corrupt objects.' },
  NOT_SIMULATED: { severity: 'warning', summary: 'A top-level key (TransitGateways, LoadBalancers...) is kept but not simulated.' },
  DUPLICATE_ID: { severity: 'error', summary: 'Two resources of one kind share an id.' },
  // Addresses and CIDR blocks
  CIDR_MALFORMED: { severity: 'error', summary: 'A CIDR block is not a.b.c.d/n.' },
  CIDR_HOST_BITS: { severity: 'error', summary: 'A CIDR block has host bits set (10.0.1.5/24 instead of 10.0.1.0/24).' },
  CIDR_SIZE_OUT_OF_RANGE: { severity: 'error', summary: 'A VPC or subnet CIDR block is larger than /16 or smaller than /28.' },
  VPC_CIDR_MISSING: { severity: 'error', summary: 'A VPC has no IPv4 CIDR block.' },
  VPC_CIDR_LINK_LOCAL: { severity: 'error', summary: 'A VPC CIDR block lies in 169.254.0.0/16, which AWS does not allow.' },
  VPC_CIDR_OVERLAP: { severity: 'error', summary: 'Two CIDR blocks of one VPC overlap.' },
  VPC_TOO_MANY_CIDRS: { severity: 'warning', summary: 'A VPC has more than 5 IPv4 CIDR blocks: above the default quota, which AWS raises on request.' },
  VPC_CIDRS_HARD_LIMIT: { severity: 'error', summary: 'A VPC has more than 50 IPv4 CIDR blocks, beyond what AWS allows even with a raised quota.' },
  SUBNET_OUTSIDE_VPC: { severity: 'error', summary: 'A subnet CIDR block is not inside any CIDR block of its VPC.' },
  SUBNET_OVERLAP: { severity: 'error', summary: 'Two subnets of one VPC overlap.' },
  UNKNOWN_VPC: { severity: 'warning', summary: 'A subnet, route table, network ACL or security group names a VPC the document does not hold.' },
  // Routes and associations
  ROUTE_NO_DESTINATION: { severity: 'error', summary: 'A route has no destination.' },
  ROUTE_DUPLICATE_DESTINATION: { severity: 'error', summary: 'One route table has two routes to the same destination.' },
  ROUTE_NO_TARGET: { severity: 'error', summary: 'A route has no target.' },
  ROUTE_MULTIPLE_TARGETS: { severity: 'error', summary: 'A route has more than one target.' },
  ROUTE_PEERING_WRONG_VPC: { severity: 'error', summary: 'A route uses a peering connection that does not connect its VPC.' },
  ROUTE_PREFIX_LIST_MISSING: { severity: 'warning', summary: 'A route references a prefix list whose CIDRs the snapshot does not hold: it routes nothing in the simulator.' },
  ROUTE_TARGET_MISSING: { severity: 'warning', summary: 'A route target (igw-, nat-, pcx-) is not in the snapshot: the route acts as a blackhole.' },
  ROUTE_PEERING_NOT_ACTIVE: { severity: 'warning', summary: 'A route uses a peering connection that is not active: it carries no traffic.' },
  ROUTE_IGW_NOT_ATTACHED: { severity: 'warning', summary: 'A route uses an internet gateway not attached to the route table\'s VPC.' },
  ROUTE_NAT_NOT_AVAILABLE: { severity: 'warning', summary: 'A route uses a NAT gateway that is not available.' },
  ROUTE_TARGET_NOT_SIMULATED: { severity: 'warning', summary: 'A route target kind (tgw-, vgw-, vpce-, eni-, ...) is not simulated: traffic stops there.' },
  ROUTE_BLACKHOLE: { severity: 'warning', summary: 'A route is in the blackhole state: matching traffic is dropped.' },
  ROUTE_MORE_SPECIFIC_THAN_LOCAL: { severity: 'error', summary: 'A route inside a VPC CIDR (more specific than the local route) whose destination is not exactly a subnet\'s CIDR, or whose target is not a NAT gateway, network interface or Gateway Load Balancer endpoint.' },
  ROUTE_MORE_SPECIFIC_SUBNET_MISSING: { severity: 'warning', summary: 'A route more specific than the local route goes to a block that is no subnet in the snapshot (perhaps one the export lacks).' },
  ROUTE_LOCAL_NOT_VPC_CIDR: { severity: 'error', summary: 'A local route whose destination is not a CIDR block of its VPC (one that was disassociated, say): AWS keeps exactly one local route per associated block.' },
  ROUTE_LOCAL_TARGET_NOT_ALLOWED: { severity: 'error', summary: 'A local route whose target was replaced by something other than a network interface, NAT gateway or Gateway Load Balancer endpoint.' },
  SUBNET_MULTIPLE_ROUTE_TABLES: { severity: 'error', summary: 'A subnet is associated with two route tables.' },
  VPC_MULTIPLE_MAIN_ROUTE_TABLES: { severity: 'error', summary: 'A VPC has two main route tables.' },
  SUBNET_MULTIPLE_NETWORK_ACLS: { severity: 'error', summary: 'A subnet is associated with two network ACLs.' },
  VPC_MULTIPLE_DEFAULT_NETWORK_ACLS: { severity: 'error', summary: 'A VPC has two default network ACLs.' },
  ASSOCIATION_WRONG_VPC: { severity: 'error', summary: 'A route table or network ACL is associated with a subnet of another VPC.' },
  ASSOCIATION_SUBNET_MISSING: { severity: 'warning', summary: 'A route table or network ACL association names a subnet not in the snapshot.' },
  VPC_NO_ROUTE_TABLE: { severity: 'warning', summary: 'A VPC has no route table in the snapshot: a main table with local routes is assumed.' },
  VPC_NO_NETWORK_ACL: { severity: 'warning', summary: 'A VPC has no network ACL in the snapshot: the default allow-all ACL is assumed.' },
  SUBNET_NO_ROUTE_TABLE: { severity: 'warning', summary: 'A subnet has no associated route table and its VPC no main one: local routes only are assumed.' },
  SUBNET_NO_NETWORK_ACL: { severity: 'warning', summary: 'A subnet has no network ACL and its VPC no default one: allow-all is assumed.' },
  VPC_MULTIPLE_INTERNET_GATEWAYS: { severity: 'error', summary: 'Two internet gateways are attached to one VPC.' },
  // Peering
  PEERING_CIDR_OVERLAP: { severity: 'error', summary: 'An active or pending peering connects VPCs whose CIDR blocks overlap.' },
  INACTIVE_PEERING_CIDR_OVERLAP: { severity: 'warning', summary: 'A failed, rejected, expired or deleted peering connects overlapping VPCs.' },
  PEERING_DUPLICATE: { severity: 'error', summary: 'A second active or pending peering between the same two VPCs.' },
  PEERING_VPC_NOT_IN_SNAPSHOT: { severity: 'warning', summary: 'A peering connection names a VPC not in the snapshot.' },
  // Network ACL and security group rules
  NACL_RULE_NUMBER_OUT_OF_RANGE: { severity: 'error', summary: 'A network ACL rule number is outside 1-32766.' },
  NACL_RULE_NUMBER_DUPLICATE: { severity: 'error', summary: 'A rule number is used twice in one direction of one network ACL.' },
  NACL_TOO_MANY_RULES: { severity: 'warning', summary: 'More than 20 rules in one direction of a network ACL: above the default quota, which AWS raises on request.' },
  NACL_RULES_HARD_LIMIT: { severity: 'error', summary: 'More than 40 rules in one direction of a network ACL, beyond what AWS allows.' },
  NACL_ENTRY_CIDR_MISSING: { severity: 'error', summary: 'A network ACL entry has no CIDR block.' },
  PROTOCOL_UNKNOWN: { severity: 'error', summary: 'A rule protocol is not tcp, udp, icmp, icmpv6, -1 or a number 0-255.' },
  PORT_OUT_OF_RANGE: { severity: 'error', summary: 'A port is outside 0-65535.' },
  PORT_RANGE_REVERSED: { severity: 'error', summary: 'A port range starts after it ends.' },
  PORT_RANGE_MISSING: { severity: 'error', summary: 'A TCP or UDP rule has no port range.' },
  ICMP_TYPE_CODE_INVALID: { severity: 'error', summary: 'An ICMP type or code is outside -1..255, or a code is given for all types.' },
  SG_TOO_MANY_RULES: { severity: 'warning', summary: 'More than 60 inbound or 60 outbound rules in a security group (each source counts): above the default quota, which AWS raises on request.' },
  SG_RULES_HARD_LIMIT: { severity: 'error', summary: 'More than 1,000 inbound or outbound rules in a security group, beyond what AWS allows.' },
  SG_GROUP_REFERENCE_MISSING: { severity: 'warning', summary: 'A security group rule references a group not in the snapshot.' },
  SG_PREFIX_LIST_MISSING: { severity: 'warning', summary: 'A security group rule references a prefix list whose CIDRs the snapshot does not hold: it matches nothing in the simulator.' },
  // Network interfaces and other resources
  ENI_ADDRESS_MALFORMED: { severity: 'error', summary: 'A network interface address is not a valid IPv4 address.' },
  ENI_ADDRESS_OUTSIDE_SUBNET: { severity: 'error', summary: 'A network interface private address is outside its subnet.' },
  ENI_ADDRESS_RESERVED: { severity: 'error', summary: 'A network interface uses one of the five addresses AWS reserves in each subnet.' },
  ENI_ADDRESS_DUPLICATE: { severity: 'error', summary: 'Two network interfaces in one VPC have the same private address.' },
  ENI_TOO_MANY_SECURITY_GROUPS: { severity: 'warning', summary: 'A network interface has more than 5 security groups: above the default quota, which AWS raises on request.' },
  ENI_SECURITY_GROUPS_HARD_LIMIT: { severity: 'error', summary: 'A network interface has more than 16 security groups, beyond what AWS allows.' },
  ENI_SECURITY_GROUP_MISSING: { severity: 'warning', summary: 'A network interface names a security group not in the snapshot.' },
  ENI_SUBNET_MISSING: { severity: 'warning', summary: 'A network interface names a subnet not in the snapshot.' },
  ADDRESS_MALFORMED: { severity: 'warning', summary: 'An Elastic IP or NAT gateway address is not a valid IPv4 address.' },
  FLOW_LOG_FORMAT_INVALID: { severity: 'error', summary: 'A flow log\'s custom LogFormat is not ${field} tokens of known fields separated by single spaces: AWS refuses to create it.' },
  FLOW_LOG_RESOURCE_MISSING: { severity: 'warning', summary: 'A flow log watches a resource not in the snapshot.' },
  VALIDATOR_FAILED: { severity: 'warning', summary: 'One check could not finish on this document; some problems may be unreported.' },
  // Emitted by model/load.ts, listed here so the catalog is complete.
  MALFORMED_JSON: { severity: 'error', summary: 'A file is not valid JSON.' },
  NOT_A_SNAPSHOT: { severity: 'error', summary: 'A file is not a JSON object of describe-* keys.' },
} as const satisfies Record<string, CodeInfo>;

/** A code of the catalog. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
