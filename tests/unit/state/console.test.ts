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
  it('does not print a timeout for a path into a component the simulator does not model: the outcome is unknown', () => {
    const cmd = parseCommand('curl https://52.217.10.4') as Extract<ReturnType<typeof parseCommand>, { kind: 'probe' }>;
    const r: TraceResult = { ...result(false), explanations: [{ code: 'UNSUPPORTED_COMPONENT', path: 'forward', direction: null, component: 'vpce-0a1b2c3d4e5f60718', message: 'The route leads to vpce-…' }] };
    expect(formatOutput(cmd, '52.217.10.4', r, true)).toEqual(['curl: the path to 52.217.10.4 leads to vpce-0a1b2c3d4e5f60718, which VPC Lab does not simulate: what AWS does beyond it is not shown (see Explain).']);
    // A real blocker first: the tool fails as it would.
    const blocked: TraceResult = { ...r, explanations: [{ code: 'ENI_SG_RULES_MISMATCH', path: 'forward', direction: 'egress', component: 'eni-1', message: '…' }, ...r.explanations] };
    expect(formatOutput(cmd, '52.217.10.4', blocked, true).join('\n')).toContain('Failed to connect');
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
