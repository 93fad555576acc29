/** Parses the console's commands into a probe request. No networking here: only the command line. */
export type Command =
  | {
    kind: 'probe'; tool: 'ping' | 'ssh' | 'curl' | 'nc' | 'traceroute' | 'scp'; target: string; protocol: number; port?: number; count?: number;
    /** curl: the URL's scheme and the flags given (-I head only, -s silent, -v verbose). */
    curl?: { scheme: 'http' | 'https'; head: boolean; silent: boolean; verbose: boolean; path: string };
    /** scp: the local file copied to the target, and its (simulated) size in bytes. */
    scp?: { file: string; remotePath: string; bytes: number };
  }
  | { kind: 'help' }
  | { kind: 'history' }
  | { kind: 'clear' }
  | { kind: 'error'; message: string };

/** The traceroute destination port: Linux's traceroute sends its UDP probes to 33434 and up. */
export const TRACEROUTE_PORT = 33434;
/**
 * scp sends the file as this many TCP data segments (the engine's 152-byte segments, 100 bytes of
 * payload each after the IP and TCP headers): a few KB, as a small report would be.
 */
export const SCP_SEGMENTS = 24;
export const SCP_PAYLOAD_PER_SEGMENT = 100;

export const HELP = [
  'Commands (sent from the instance you are connected to):',
  '  ping [-c N] <ip|name>             ICMP echo, N requests (default 4)',
  '  ssh [user@]<ip|name>              TCP 22',
  '  scp <file> [user@]<ip|name>:[path] copy a file over SSH (TCP 22, a few KB of data)',
  '  curl [-I] [-s] [-v] <url>         http://<ip|name>[:port] TCP 80, https://… TCP 443 (or the port given)',
  '  nc [-u] <ip|name> <port>          TCP (or UDP with -u) to a port',
  '  traceroute <ip|name>              3 UDP probes to port 33434, from an ephemeral port',
  '  history, clear, help',
  'Targets: a private or public IPv4, an instance Name tag or id, or "internet" (203.0.113.12).',
  'TCP and UDP connections leave from a new ephemeral source port each time (44321, 44322, …).',
];

const CURL_FLAGS: Record<string, 'head' | 'silent' | 'verbose' | 'ignored'> = {
  '-I': 'head', '--head': 'head', '-s': 'silent', '--silent': 'silent', '-v': 'verbose', '--verbose': 'verbose',
  // Accepted and without effect here: no TLS is simulated, no server sends a redirect, output goes to the console.
  '-k': 'ignored', '--insecure': 'ignored', '-L': 'ignored', '--location': 'ignored', '-S': 'ignored', '--show-error': 'ignored', '-f': 'ignored', '--fail': 'ignored',
};

/** Parses curl's arguments: short flags may be combined (-sI), the URL may omit its scheme (http). */
export function parseCurl(args: string[]): Command {
  const flags = { head: false, silent: false, verbose: false };
  const urls: string[] = [];
  for (const a of args) {
    if (a.startsWith('--')) {
      const f = CURL_FLAGS[a];
      if (!f) return { kind: 'error', message: `curl: option ${a}: is unknown (this console knows -I, -s, -v, -k, -L)` };
      if (f !== 'ignored') flags[f] = true;
    } else if (a.startsWith('-') && a.length > 1) {
      for (const ch of a.slice(1)) {
        const f = CURL_FLAGS[`-${ch}`];
        if (!f) return { kind: 'error', message: `curl: option -${ch}: is unknown (this console knows -I, -s, -v, -k, -L)` };
        if (f !== 'ignored') flags[f] = true;
      }
    } else urls.push(a);
  }
  if (urls.length !== 1) return { kind: 'error', message: urls.length ? 'curl: give one URL at a time' : 'curl: try \'curl http://<ip>[:port]\' or \'curl -I https://<ip>/\'' };
  const m = /^(?:([a-zA-Z][\w+.-]*):\/\/)?(?:[^@/]*@)?([^/:?#]+)(?::(\d*))?([/?#].*)?$/.exec(urls[0]);
  if (!m) return { kind: 'error', message: `curl: (3) URL rejected: Malformed input to a URL function` };
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { kind: 'error', message: `curl: (1) Protocol "${scheme}" not supported` };
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { kind: 'error', message: 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535' };
  return { kind: 'probe', tool: 'curl', target: m[2], protocol: 6, port, count: 1, curl: { scheme, ...flags, path: m[4] ?? '/' } };
}

/** Parses scp's arguments for a copy to a remote host: `scp [-options] <file> [user@]host:[path]`. */
export function parseScp(args: string[]): Command {
  const words = args.filter((a) => !/^-[rpqCv346]+$/.test(a));
  if (words.some((a) => a.startsWith('-'))) return { kind: 'error', message: `scp: unknown option ${words.find((a) => a.startsWith('-'))} (this console knows -r -p -q -C -v)` };
  if (words.length !== 2) return { kind: 'error', message: 'usage: scp <file> [user@]host:[path]' };
  const [src, dst] = words;
  const remote = /^(?:[^@:/]+@)?([^:/]+):(.*)$/;
  if (remote.test(src)) return { kind: 'error', message: 'scp: only copying to a remote host is simulated here: scp <file> host:' };
  const m = remote.exec(dst);
  if (!m) return { kind: 'error', message: `scp: ${dst}: a local copy sends nothing on the network; name the host with a colon (scp ${src} ${dst}:)` };
  const file = src.split('/').filter(Boolean).pop() ?? src;
  return { kind: 'probe', tool: 'scp', target: m[1], protocol: 6, port: 22, count: SCP_SEGMENTS, scp: { file, remotePath: m[2], bytes: SCP_SEGMENTS * SCP_PAYLOAD_PER_SEGMENT } };
}

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
    case 'scp':
      return parseScp(rest);
    case 'curl':
      return parseCurl(rest);
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
      return { kind: 'probe', tool: 'traceroute', target: rest[0], protocol: 17, port: TRACEROUTE_PORT, count: 3 };
    }
    case undefined:
      return bad('');
    default:
      return bad(`-bash: ${tool}: command not found (type help)`);
  }
}
