/** Applies an explanation's one-click fix (the engine's FixAction) through the same edit actions a learner would use. */
import type { IpPermission, NetworkAclEntry, Snapshot } from '../model/schema.ts';
import type { FixAction } from '../walk/index.ts';
import { acceptPeering } from './peering.ts';
import { addRoute, replaceRoute } from './routes.ts';
import { addAclEntry, addSgRule } from './rules.ts';
import type { EditResult } from './types.ts';

export function applyFix(doc: Snapshot, action: FixAction): EditResult {
  switch (action.kind) {
    case 'add-route':
      return addRoute(doc, { routeTableId: action.routeTableId, destination: action.destination, target: action.target });
    case 'replace-route':
      return replaceRoute(doc, { routeTableId: action.routeTableId, destination: action.destination, target: action.target });
    case 'add-sg-rule':
      return addSgRule(doc, { groupId: action.groupId, direction: action.direction, permission: action.permission as IpPermission });
    case 'add-acl-entry':
      return addAclEntry(doc, { networkAclId: action.networkAclId, entry: action.entry as NetworkAclEntry });
    case 'accept-peering':
      // The fix is offered to the learner acting for the accepter account.
      return acceptPeering(doc, { peeringId: action.peeringId });
  }
}
