/**
 * Interfaces AWS lets exist without a security group. A Network Load Balancer created without
 * one keeps none for life, and then "all client traffic can reach the Network Load Balancer
 * listeners" (Elastic Load Balancing guide, "Update the security groups for your Network Load
 * Balancer"). Such an interface holds this stand-in group, which allows everything both ways,
 * so the walk and the matrix need no special case; it is in `groups` only, never in `groupIds`,
 * so no rule can name it. An ordinary interface always has a group in AWS (the VPC's default
 * when none is chosen): one without any in a document stays one that allows nothing.
 */
import { compileSecurityGroupLines } from '../filter/index.ts';
import type { NEni, NSecurityGroup } from './network.ts';
import type { SecurityGroup } from './schema.ts';

/** Interface types that may have no security group, whose traffic is then not filtered by one. */
const MAY_HAVE_NO_GROUP = new Set(['network_load_balancer']);

const ALLOW_ALL = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
const DOC = { GroupId: '(no security group)', GroupName: 'no security group', IpPermissions: ALLOW_ALL, IpPermissionsEgress: ALLOW_ALL } as SecurityGroup;
const LINES = compileSecurityGroupLines(DOC, new Map());

/** The stand-in group of an interface without security groups whose type allows that. */
export const NO_SECURITY_GROUP: NSecurityGroup = {
  id: DOC.GroupId, name: null, vpcId: null, ingress: LINES.ingress, egress: LINES.egress, doc: DOC, path: '',
};

/** The groups an interface is filtered by: its own, or the stand-in when its type may have none and it has none. */
export function filteringGroups(interfaceType: string, groupIds: ReadonlySet<string>, groups: NSecurityGroup[]): NSecurityGroup[] {
  return groupIds.size === 0 && MAY_HAVE_NO_GROUP.has(interfaceType) ? [NO_SECURITY_GROUP] : groups;
}

/** True for an interface AWS filters by no security group (see NO_SECURITY_GROUP). */
export function hasNoSecurityGroup(eni: NEni): boolean {
  return eni.groups.length === 1 && eni.groups[0] === NO_SECURITY_GROUP;
}
