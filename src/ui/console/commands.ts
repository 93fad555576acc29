/** Parses the console's commands into a probe request. No networking here: only the command line. */
export type Command =
  | { kind: 'probe'; tool: 'ping' | 'ssh' | 'curl' | 'nc' | 'traceroute'; target: string; protocol: number; port?: number; count?: number }
  | { kind: 'help' }
  | { kind: 'history' }
  | { kind: 'clear' }
  | { kind: 'error'; message: string };

export const HELP = [
  'Commands (sent from the instance you are connected to):',
  '  ping [-c N] <ip|name>        ICMP echo, N requests (default 4)',
  '  ssh [user@]<ip|name>         TCP 22',
  '  curl http://<ip|name>[:port] TCP 80 (or the port given)',
  '  nc [-u] <ip|name> <port>     TCP (or UDP with -u) to a port',
  '  traceroute <ip|name>         UDP probes from port 33434',
  '  history, clear, help',
  'Targets: a private or public IPv4, an instance Name tag or id, or "internet" (203.0.113.12).',
];

export function parseCommand(line: string): Command {
  const words = line.trim().split(/\s+/).filter(Boolean);
  const [tool, ...rest] = words;
  const bad = (message: string): Command => ({ kind: 'error', message });
  switch (tool) {
    case 'help':
      return { kind: 'help' };
    case 'history':
      return { kind: 'history' };
    case 'clear':
      return { kind: 'clear' };
    case 'ping': {
      let count = 4;
      const args = [...rest];
      const c = args.indexOf('-c');
      if (c >= 0) {
        count = Number(args[c + 1]);
        if (!Number.isInteger(count) || count < 1 || count > 100) return bad('ping: invalid count of packets to transmit (1-100)');
        args.splice(c, 2);
      }
      if (args.length !== 1) return bad('usage: ping [-c count] destination');
      return { kind: 'probe', tool: 'ping', target: args[0], protocol: 1, count };
    }
    case 'ssh': {
      if (rest.length !== 1) return bad('usage: ssh [user@]hostname');
      return { kind: 'probe', tool: 'ssh', target: rest[0].replace(/^[^@]*@/, ''), protocol: 6, port: 22, count: 1 };
    }
    case 'curl': {
      const m = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(rest.at(-1) ?? '');
      if (!m) return bad('curl: try \'curl http://<ip>[:port]\'');
      const port = m[2] ? Number(m[2]) : 80;
      if (port < 1 || port > 65535) return bad('curl: (3) URL port number out of range');
      return { kind: 'probe', tool: 'curl', target: m[1], protocol: 6, port, count: 1 };
    }
    case 'nc': {
      const udp = rest.includes('-u');
      const args = rest.filter((a) => !a.startsWith('-'));
      const port = Number(args[1]);
      if (args.length !== 2) return bad('usage: nc [-u] host port');
      // netcat's own words for a port it cannot use.
      if (!Number.isInteger(port) || port < 1 || port > 65535) return bad(`nc: port number invalid: ${args[1]} (ports are 1-65535)`);
      return { kind: 'probe', tool: 'nc', target: args[0], protocol: udp ? 17 : 6, port, count: 1 };
    }
    case 'traceroute': {
      if (rest.length !== 1) return bad('usage: traceroute host');
      return { kind: 'probe', tool: 'traceroute', target: rest[0], protocol: 17, port: 33434, count: 3 };
    }
    case undefined:
      return bad('');
    default:
      return bad(`-bash: ${tool}: command not found (type help)`);
  }
}
