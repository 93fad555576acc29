/** Prints what the Linux tools would print, from the engine's trace result only (no networking computed here). */
import type { TraceResult } from '../../engine/index.ts';
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
  const ok = r.reachable;
  const seed = `${cmd.target}${ip}`;
  switch (cmd.tool) {
    case 'ping': {
      const n = cmd.count ?? 4;
      const out = [`PING ${ip} (${ip}) 56(84) bytes of data.`];
      const rtts: number[] = [];
      if (ok) {
        for (let i = 1; i <= n; i++) {
          const t = fakeRtt(seed, i, internet);
          rtts.push(t);
          out.push(`64 bytes from ${ip}: icmp_seq=${i} ttl=${internet ? 110 : 64} time=${ms(t)} ms`);
        }
      }
      out.push('', `--- ${ip} ping statistics ---`);
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
      return ok
        ? [`*   Trying ${ip}:${cmd.port}...`, `* Connected to ${ip} (${ip}) port ${cmd.port}`, '(The playground simulates the network only: no web server answers.)']
        : [`*   Trying ${ip}:${cmd.port}...`, `curl: (28) Failed to connect to ${ip} port ${cmd.port} after 130${Math.round(fakeRtt(seed, 0, false) * 100)} ms: Connection timed out`];
    case 'nc':
      if (cmd.protocol === 17) return [r.forward.delivered ? `(udp) ${cmd.port}: datagram delivered to ${ip}; UDP sends no reply.` : `(udp) ${cmd.port}: datagram lost on the way to ${ip}; UDP reports nothing.`];
      return ok ? [`Connection to ${ip} ${cmd.port} port [tcp/*] succeeded!`] : [`nc: connect to ${ip} port ${cmd.port} (tcp) failed: Connection timed out`];
    case 'traceroute': {
      const out = [`traceroute to ${ip} (${ip}), 30 hops max, 60 byte packets`];
      // Inside AWS the VPC router does not decrement TTL, so the target is the first hop.
      if (r.forward.delivered) out.push(` 1  ${ip} (${ip})  ${[1, 2, 3].map((i) => `${ms(fakeRtt(seed, i, internet))} ms`).join('  ')}`);
      else out.push(' 1  * * *', ' 2  * * *', ' 3  * * *', '(no answer: the probes were dropped, see Explain)');
      return out;
    }
  }
}
