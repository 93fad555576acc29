import { parseProtocol } from '../engine/filter/index.ts';

/** The parsed options of `vpc-lab trace`. */
export interface TraceArgs {
  snapshot: string;
  from: string;
  to: string;
  protocol: number;
  port?: number;
  sourcePort?: number;
  count?: number;
  flowLogs: 'snapshot' | 'all';
  start?: number;
}

/** A problem with the command line: the option it concerns and what is wrong. */
export class UsageError extends Error {}

const OPTIONS = new Set(['--snapshot', '--from', '--to', '--protocol', '--port', '--source-port', '--count', '--flow-logs', '--start']);

function integer(option: string, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text)) throw new UsageError(`${option}: "${text}" is not a whole number`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`${option}: ${n} is out of range (${min}-${max})`);
  return n;
}

/** Parses `--name value` and `--name=value` pairs; every option of the contract, nothing else. */
export function parseTraceArgs(argv: readonly string[]): TraceArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    if (!OPTIONS.has(name)) throw new UsageError(arg.startsWith('-') ? `unknown option ${name}` : `unexpected argument "${arg}"`);
    let value: string | undefined;
    if (eq > 0 && arg.startsWith('--')) value = arg.slice(eq + 1);
    else {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
    }
    if (values.has(name)) throw new UsageError(`${name} is given twice`);
    values.set(name, value);
  }
  for (const required of ['--snapshot', '--from', '--to']) if (!values.get(required)) throw new UsageError(`${required} is required`);
  const protoText = values.get('--protocol') ?? 'icmp';
  const protocol = parseProtocol(protoText.toLowerCase());
  if (protocol === null || protocol < 0 || protoText.toLowerCase() === 'icmpv6') throw new UsageError(`--protocol: "${protoText}" is not icmp, tcp, udp or an IP protocol number 0-255`);
  const flowLogs = values.get('--flow-logs') ?? 'snapshot';
  if (flowLogs !== 'snapshot' && flowLogs !== 'all') throw new UsageError(`--flow-logs: "${flowLogs}" must be "snapshot" or "all"`);
  const opt = (name: string, min: number, max: number) => (values.has(name) ? integer(name, values.get(name)!, min, max) : undefined);
  return {
    snapshot: values.get('--snapshot')!,
    from: values.get('--from')!,
    to: values.get('--to')!,
    protocol,
    port: opt('--port', 0, 65535),
    sourcePort: opt('--source-port', 0, 65535),
    count: opt('--count', 1, 100_000),
    flowLogs,
    start: opt('--start', 0, 2 ** 32 - 1),
  };
}
