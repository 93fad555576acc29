/**
 * The packets one probe sends, and when. Fixed by the simulator so flow-log counts are
 * predictable and documented:
 * - ICMP: `count` echo requests one second apart, 84 bytes each (Linux ping: 20 IP + 8 ICMP +
 *   56 data), each answered by an 84-byte echo reply in the same second.
 * - TCP, connection established: SYN (60 bytes), SYN-ACK (60), ACK (52); `count` data
 *   segments of 152 bytes one second apart, each ACKed (52); then FIN (52) both ways and a
 *   last ACK. Client flags OR to 3 (SYN|FIN), server flags to 19 (SYN-ACK|FIN).
 * - TCP, not established: the SYN and two retransmissions (at +1 s and +3 s, Linux's backoff),
 *   each answered by a SYN-ACK when the server receives it.
 * - UDP and other protocols: `count` datagrams of 92 bytes one second apart; no reply.
 */
export interface PacketSpec {
  /** Request (client → server) or reply. */
  dir: 'request' | 'reply';
  /** Seconds after the start. */
  offset: number;
  bytes: number;
  tcpFlags: number;
}

export const ICMP_PACKET_BYTES = 84;
export const TCP_SYN_BYTES = 60;
export const TCP_ACK_BYTES = 52;
export const TCP_DATA_BYTES = 152;
export const UDP_DATAGRAM_BYTES = 92;
const FIN = 1;
const SYN = 2;
const SYN_ACK = 18;

/** The exchange for a protocol; `delivered` = the request arrives, `established` = replies get back. */
export function packetSchedule(protocol: number, count: number, delivered: boolean, established: boolean): PacketSpec[] {
  const out: PacketSpec[] = [];
  const p = (dir: PacketSpec['dir'], offset: number, bytes: number, tcpFlags = 0) => out.push({ dir, offset, bytes, tcpFlags });
  if (protocol === 1) {
    for (let i = 0; i < count; i++) {
      p('request', i, ICMP_PACKET_BYTES);
      if (delivered) p('reply', i, ICMP_PACKET_BYTES);
    }
  } else if (protocol === 6) {
    if (delivered && established) {
      p('request', 0, TCP_SYN_BYTES, SYN);
      p('reply', 0, TCP_SYN_BYTES, SYN_ACK);
      p('request', 0, TCP_ACK_BYTES);
      for (let i = 0; i < count; i++) {
        p('request', i, TCP_DATA_BYTES);
        p('reply', i, TCP_ACK_BYTES);
      }
      const close = Math.max(count - 1, 0);
      p('request', close, TCP_ACK_BYTES, FIN);
      p('reply', close, TCP_ACK_BYTES, FIN);
      p('request', close, TCP_ACK_BYTES);
    } else {
      for (const offset of [0, 1, 3]) {
        p('request', offset, TCP_SYN_BYTES, SYN);
        if (delivered) p('reply', offset, TCP_SYN_BYTES, SYN_ACK);
      }
    }
  } else {
    for (let i = 0; i < count; i++) p('request', i, UDP_DATAGRAM_BYTES);
  }
  return out;
}
