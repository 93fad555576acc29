import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/ui/console/commands.ts';
import { formatOutput } from '../../../src/ui/console/output.ts';
import type { TraceResult } from '../../../src/engine/index.ts';

const result = (reachable: boolean): TraceResult => ({ warnings: [], reachable, forward: { delivered: reachable, hops: [] }, return: null, explanations: [], flowLogs: [] });

describe('console commands', () => {
  it('parses the tools into probes', () => {
    expect(parseCommand('ping -c 3 10.2.0.4')).toEqual({ kind: 'probe', tool: 'ping', target: '10.2.0.4', protocol: 1, count: 3 });
    expect(parseCommand('ssh ec2-user@10.2.0.4')).toMatchObject({ tool: 'ssh', target: '10.2.0.4', protocol: 6, port: 22 });
    expect(parseCommand('curl http://10.2.0.4:8080/x')).toMatchObject({ tool: 'curl', port: 8080, protocol: 6 });
    expect(parseCommand('nc -u 10.2.0.4 53')).toMatchObject({ tool: 'nc', protocol: 17, port: 53 });
    expect(parseCommand('nc internet 99999')).toMatchObject({ kind: 'error', message: 'nc: port number invalid: 99999 (ports are 1-65535)' });
    expect(parseCommand('nc internet')).toMatchObject({ kind: 'error', message: 'usage: nc [-u] host port' });
    expect(parseCommand('traceroute 10.2.0.4')).toMatchObject({ tool: 'traceroute', protocol: 17 });
    expect(parseCommand('ping -c 0 x').kind).toBe('error');
    expect(parseCommand('telnet x')).toMatchObject({ kind: 'error', message: expect.stringContaining('command not found') });
  });
  it('prints ping as Linux does, from the verdict only, deterministically', () => {
    const cmd = parseCommand('ping -c 2 10.2.0.4') as Extract<ReturnType<typeof parseCommand>, { kind: 'probe' }>;
    const ok = formatOutput(cmd, '10.2.0.4', result(true), false);
    expect(ok[1]).toMatch(/^64 bytes from 10\.2\.0\.4: icmp_seq=1 ttl=64 time=\d+\.\d{3} ms$/);
    expect(ok).toContain('2 packets transmitted, 2 received, 0% packet loss, time 1003ms');
    expect(formatOutput(cmd, '10.2.0.4', result(true), false)).toEqual(ok);
    expect(formatOutput(cmd, '10.2.0.4', result(false), false)).toContain('2 packets transmitted, 0 received, 100% packet loss, time 1068ms');
  });
});
