/** Edit actions over the snapshot document: pure, AWS-faithful, one import path for the UI. */
export * from './types.ts';
export { checkBlock, suggestSubnetCidr, suggestVpcCidr, vpcCidrs, firstFreeHost } from './cidr-pick.ts';
export { createVpc, defaultAclEntries, overlapsExistingVpc, type CreateVpcArgs } from './vpc.ts';
export { putVpc } from './vpc-cidrs.ts';
export { vpcCidrRows, disassociateVpcCidrBlock, type VpcCidrRow } from './cidr-blocks.ts';
export { createSubnet, azIdOf, type CreateSubnetArgs } from './subnet.ts';
export { createInstance, nextPublicIp, type CreateInstanceArgs } from './instance.ts';
export { addRoute, replaceRoute, setRoute, deleteRoute, findRoute, routeTargetId, routeTableOfSubnet, blackholeRoutesTo, type RouteArgs, type RouteTarget } from './routes.ts';
export { createInternetGateway, attachInternetGateway, detachInternetGateway, createNatGateway, attachedIgw, isPublicSubnet } from './gateways.ts';
export { requestPeering, acceptPeering, rejectPeering, deletePeering } from './peering.ts';
export { addSgRule, removeSgRule, addAclEntry, removeAclEntry } from './rules.ts';
export { sgRuleRows, revokeSgRule, type SgRuleRow, type SgSource } from './sg-rules.ts';
export { createFlowLog, deleteFlowLog, createFlowLogRole, putIamRole, iamRoles, type CreateFlowLogArgs } from './flow-log.ts';
export { deleteResource, deleteWithDependents, dependentsOf } from './delete.ts';
export { applyFix } from './fix.ts';
export { list, playground, withPlayground, vpcRegion, vpcOwner, type Playground } from './doc.ts';
export { vpcParts, vpcOfPart, type VpcPart, type VpcPartKind } from './vpc-parts.ts';
