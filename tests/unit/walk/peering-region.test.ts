import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/engine/model/compile.ts';
import { traceProbe } from '../../../src/engine/walk/index.ts';
import { SnapshotBuilder } from '../../support/builder.ts';

/**
 * A hand-written peering may leave out each side's Region (describe-vpc-peering-connections
 * always has it). The VPCs' subnets still tell the regions: the peering is then inter-region,
 * so a security group cannot reference the peer's group, and egress is traffic-path 5.
 */
function network(withRegion: boolean) {
  const b = new SnapshotBuilder();
  const east = b.vpc('10.0.0.0/16', 'east');
  const west = b.vpc('10.1.0.0/16', 'west');
  const client = b.instance(b.subnet(east.vpcId, '10.0.1.0/24', 'east-app', 'us-east-1a'), '10.0.1.10', 'client');
  const serverSg = b.securityGroup(west.vpcId, 'server', [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: east.sg }] }, { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }]);
  const server = b.instance(b.subnet(west.vpcId, '10.1.1.0/24', 'west-app', 'eu-west-1a'), '10.1.1.10', 'server', { sgs: [serverSg] });
  const pcx = b.peering(east.vpcId, west.vpcId);
  b.route(east.rtb, '10.1.0.0/16', { VpcPeeringConnectionId: pcx });
  b.route(west.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: pcx });
  b.flowLog(east.vpcId, { format: '${interface-id} ${flow-direction} ${traffic-path}' });
  const doc = b.build();
  const p = doc.VpcPeeringConnections![0];
  if (withRegion) {
    p.RequesterVpcInfo!.Region = 'us-east-1';
    p.AccepterVpcInfo!.Region = 'eu-west-1';
  } else {
    delete p.RequesterVpcInfo!.Region;
    delete p.AccepterVpcInfo!.Region;
  }
  return { net: compileNetwork(doc), client, server };
}

describe('a peering whose Region fields are missing', () => {
  it.each([true, false])('is inter-region when the subnets say so (Region given: %s): the group reference does not match, traffic-path 5', (withRegion) => {
    const { net, client, server } = network(withRegion);
    const tcp = traceProbe(net, { from: client.eniId, to: server.eniId, protocol: 6, port: 22 });
    if (!tcp.ok) throw new Error(tcp.error);
    expect(tcp.details.result.reachable).toBe(false);
    expect(tcp.details.result.explanations[0].code).toBe('ENI_SG_RULES_MISMATCH');
    const ping = traceProbe(net, { from: client.eniId, to: server.eniId, protocol: 1 });
    if (!ping.ok) throw new Error(ping.error);
    expect(ping.details.result.reachable).toBe(true);
    const egress = ping.details.result.flowLogs.find((r) => r.interfaceId === client.eniId && r.fields.flowDirection === 'egress');
    expect(egress?.fields.trafficPath).toBe(5);
  });
});
