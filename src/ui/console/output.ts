/** Prints what the Linux tools would print, from the engine's trace result only (no networking computed here). */
import { packetSchedule, type TraceResult } from '../../engine/index.ts';
import type { Command } from './commands.ts';

type Probe = Extract<Command, { kind: 'probe' }>;

/** A deterministic fake round-trip time (ms) so the same command prints the same output. */
export function fakeRtt(seed: string, seq: number, internet: boolean): number {
  let h = 2166136261;
  for (const ch of `${seed}#${seq}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  const jitter = ((h >>> 0) % 1000) / 1000;
  return internet ? 1.2 + jitter * 0.8 : 0.35 + jitter * 0.4;
}

const ms = (x: number) => x.toFixed(3);

export function formatOutput(cmd: Probe, ip: string, r: TraceResult, internet: boolean): string[] {
  // A path into a component the simulator does not model (a VPC endpoint, a transit gateway...)
  // has no known outcome: printing a timeout would claim AWS drops it.
  const unknown = r.explanations[0];
  if (!r.reachable && unknown?.code === 'UNSUPPORTED_COMPONENT') return [`${cmd.tool}: the path to ${ip} leads to ${unknown.component}, which VPC Lab does not simulate: what AWS does beyond it is not shown (see Explain).`];
  const ok = r.reachable;
  const seed = `${cmd.target}${ip}`;
  switch (cmd.tool) {
    case 'ping': {
      const n = cmd.count ?? 4;
      // Given a name (resolved as if from /etc/hosts), Linux ping prints the name and the address.
      const host = cmd.target === ip ? ip : cmd.target;
      const from = host === ip ? ip : `${host} (${ip})`;
      const out = [`PING ${host} (${ip}) 56(84) bytes of data.`];
      const rtts: number[] = [];
      if (ok) {
        for (let i = 1; i <= n; i++) {
          const t = fakeRtt(seed, i, internet);
          rtts.push(t);
          out.push(`64 bytes from ${from}: icmp_seq=${i} ttl=${internet ? 110 : 64} time=${ms(t)} ms`);
        }
      }
      out.push('', `--- ${host} ping statistics ---`);
      const timeMs = (n - 1) * 1000 + (ok ? 3 : 68);
      out.push(`${n} packets transmitted, ${ok ? n : 0} received, ${ok ? 0 : 100}% packet loss, time ${timeMs}ms`);
      if (ok) {
        const avg = rtts.reduce((a, b) => a + b, 0) / n;
        const mdev = Math.sqrt(rtts.reduce((a, b) => a + (b - avg) ** 2, 0) / n);
        out.push(`rtt min/avg/max/mdev = ${ms(Math.min(...rtts))}/${ms(avg)}/${ms(Math.max(...rtts))}/${ms(mdev)} ms`);
      }
      return out;
    }
    case 'ssh':
      return ok
        ? [`Connection established to ${ip} port 22 (TCP handshake completed).`, '(The playground simulates the network only: there is no shell behind it.)']
        : [`ssh: connect to host ${ip} port 22: Connection timed out`];
    case 'curl':
      return curlOutput(cmd, ip, r, seed);
    case 'scp':
      return scpOutput(cmd, ip, r);
    case 'nc':
      if (cmd.protocol === 17) return [r.forward.delivered ? `(udp) ${cmd.port}: datagram delivered to ${ip}; UDP sends no reply.` : `(udp) ${cmd.port}: datagram lost on the way to ${ip}; UDP reports nothing.`];
      return ok ? [`Connection to ${ip} ${cmd.port} port [tcp/*] succeeded!`] : [`nc: connect to ${ip} port ${cmd.port} (tcp) failed: Connection timed out`];
    case 'traceroute': {
      // The header names the size of the probes the simulation sends (traceroute's packetlen).
      const out = [`traceroute to ${ip} (${ip}), 30 hops max, ${probeBytes(cmd.protocol)} byte packets`];
      // Inside AWS the VPC router does not decrement TTL, so the target is the first hop.
      if (r.forward.delivered) out.push(` 1  ${ip} (${ip})  ${[1, 2, 3].map((i) => `${ms(fakeRtt(seed, i, internet))} ms`).join('  ')}`);
      else out.push(' 1  * * *', ' 2  * * *', ' 3  * * *', '(no answer: the probes were dropped, see Explain)');
      return out;
    }
  }
}

/** The size of one probe packet as the simulated exchange sends it (the flow-log record's bytes / packets). */
export function probeBytes(protocol: number): number {
  return packetSchedule(protocol, 1, true, false)[0]?.bytes ?? 0;
}

function curlOutput(cmd: Probe, ip: string, r: TraceResult, seed: string): string[] {
  const c = cmd.curl ?? { scheme: 'http', head: false, silent: false, verbose: false, path: '/' };
  const out: string[] = [];
  if (c.verbose) out.push(`*   Trying ${ip}:${cmd.port}...`);
  if (!r.reachable) {
    // -s silences the error message too, as curl does (its exit status, 28, is all that is left).
    if (!c.silent || c.verbose) out.push(`curl: (28) Failed to connect to ${ip} port ${cmd.port} after 130${Math.round(fakeRtt(seed, 0, false) * 100)} ms: Couldn't connect to server`);
    return out;
  }
  if (c.verbose) {
    out.push(`* Connected to ${ip} (${ip}) port ${cmd.port}`);
    if (c.scheme === 'https') out.push('* (TLS handshake: not simulated)');
    out.push(`> ${c.head ? 'HEAD' : 'GET'} ${c.path} HTTP/1.1`, `> Host: ${ip}${cmd.port === (c.scheme === 'https' ? 443 : 80) ? '' : `:${cmd.port}`}`, '>');
  }
  out.push(`(Connected to ${ip} port ${cmd.port}: the TCP handshake completed. The playground simulates the network only: no web server sends ${c.head ? 'headers' : 'a page'}.)`);
  return out;
}

function scpOutput(cmd: Probe, ip: string, r: TraceResult): string[] {
  const f = cmd.scp ?? { file: 'file', remotePath: '', bytes: 0 };
  if (!r.reachable) return [`ssh: connect to host ${ip} port 22: Connection timed out`, 'scp: Connection closed'];
  // The simulated exchange sends one data segment a second: the copy takes that long.
  const seconds = cmd.count ?? 1;
  const rate = f.bytes / seconds / 1024;
  const eta = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return [
    `${f.file.padEnd(40)} 100% ${String(f.bytes).padStart(5)}   ${rate.toFixed(1)}KB/s   ${eta}`,
    `(Copied over SSH to ${ip}:${f.remotePath || '~'}: ${seconds} data segments of ${dataBytes()} bytes on TCP 22. The playground simulates the network only.)`,
  ];
}

/** A TCP data segment's size in the simulated exchange. */
function dataBytes(): number {
  const s = packetSchedule(6, 1, true, true).filter((p) => p.dir === 'request').map((p) => p.bytes);
  return Math.max(...s);
}

/**
 * A command to the instance's own address: Linux answers it on the loopback, so the packets never
 * leave the instance and no security group, network ACL, route or flow log sees them.
 */
export function ownAddressOutput(cmd: Probe, ip: string): string[] {
  const note = `(${ip} is this instance's own address: the packets stay inside the instance, so no security group, network ACL, route table or flow log sees them.)`;
  if (cmd.tool !== 'ping') return [`${cmd.tool}: ${ip} is this instance itself.`, note];
  const n = cmd.count ?? 4;
  const host = cmd.target === ip ? ip : cmd.target;
  const out = [`PING ${host} (${ip}) 56(84) bytes of data.`];
  for (let i = 1; i <= n; i++) out.push(`64 bytes from ${ip}: icmp_seq=${i} ttl=64 time=0.0${(i % 3) + 2}0 ms`);
  out.push('', `--- ${host} ping statistics ---`, `${n} packets transmitted, ${n} received, 0% packet loss, time ${(n - 1) * 1000}ms`, note);
  return out;
}
