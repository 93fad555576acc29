import type { PacketHeader } from '../filter/index.ts';
import type { NEni, NSubnet } from '../model/network.ts';
import type { Observation } from './context.ts';

/** The packet on one stretch of its path: where it is, its header on the wire, who put it there. */
export interface Leg {
  subnet: NSubnet;
  header: PacketHeader;
  /** The interface that sent it into this stretch (an instance's, or a NAT gateway's). */
  sender: NEni;
  /**
   * The security groups a security group rule may reference for the packet's source: the
   * sender's, while the source address is still its private one; null after translation.
   */
  sourceGroups: ReadonlySet<string> | null;
  /** The sender's egress observation, completed once the route decides the traffic path. */
  senderObservation: Observation | null;
}
