import { describe, expect, it } from 'vitest';
import { HELP, parseCommand, SCP_SEGMENTS } from '../../../src/ui/console/commands.ts';
import { formatOutput, probeBytes } from '../../../src/ui/console/output.ts';
import type { TraceResult } from '../../../src/engine/index.ts';

type Probe = Extract<ReturnType<typeof parseCommand>, { kind: 'probe' }>;
const result = (reachable: boolean): TraceResult => ({ warnings: [], reachable, forward: { delivered: reachable, hops: [] }, return: null, explanations: [], flowLogs: [] });
const probe = (line: string) => parseCommand(line) as Probe;

describe('curl', () => {
  it('takes https:// URLs to port 443, http:// to 80, and an explicit port', () => {
    expect(parseCommand('curl -I https://198.51.100.80/')).toMatchObject({ kind: 'probe', tool: 'curl', target: '198.51.100.80', protocol: 6, port: 443, curl: { scheme: 'https', head: true, silent: false, verbose: false, path: '/' } });
    expect(parseCommand('curl http://10.0.0.5')).toMatchObject({ port: 80, curl: { scheme: 'http' } });
    expect(parseCommand('curl 10.0.0.5')).toMatchObject({ port: 80, curl: { scheme: 'http' } });
    expect(parseCommand('curl https://web-1:8443/health?x=1')).toMatchObject({ target: 'web-1', port: 8443, curl: { path: '/health?x=1' } });
    expect(parseCommand('curl HTTPS://user@10.0.0.5')).toMatchObject({ target: '10.0.0.5', port: 443 });
  });
  it('takes -I, -s, -v, combined (-sI) or long, and ignores -k and -L', () => {
    expect(parseCommand('curl -sIv https://a/')).toMatchObject({ curl: { head: true, silent: true, verbose: true } });
    expect(parseCommand('curl --head --silent -k -L http://a/')).toMatchObject({ curl: { head: true, silent: true, verbose: false } });
  });
  it('refuses what curl refuses, in its words', () => {
    expect(parseCommand('curl ftp://a/')).toEqual({ kind: 'error', message: 'curl: (1) Protocol "ftp" not supported' });
    expect(parseCommand('curl -x a http://b/')).toMatchObject({ kind: 'error', message: expect.stringContaining('option -x: is unknown') });
    expect(parseCommand('curl http://a:99999/')).toMatchObject({ kind: 'error', message: expect.stringContaining('(3)') });
    expect(parseCommand('curl').kind).toBe('error');
  });
  it('prints a connection or curl\'s error 28; -s keeps the error quiet', () => {
    const ok = formatOutput(probe('curl -v -I https://198.51.100.80/'), '198.51.100.80', result(true), true);
    expect(ok).toContain('* Connected to 198.51.100.80 (198.51.100.80) port 443');
    expect(ok).toContain('> HEAD / HTTP/1.1');
    expect(formatOutput(probe('curl -I https://198.51.100.80/'), '198.51.100.80', result(false), true)[0]).toMatch(/^curl: \(28\) Failed to connect to 198\.51\.100\.80 port 443 after \d+ ms/);
    expect(formatOutput(probe('curl -s https://198.51.100.80/'), '198.51.100.80', result(false), true)).toEqual([]);
  });
});

describe('scp', () => {
  it('is a TCP 22 connection that sends a few KB to the host named before the colon', () => {
    expect(parseCommand('scp report.csv 10.2.1.20:')).toMatchObject({ kind: 'probe', tool: 'scp', target: '10.2.1.20', protocol: 6, port: 22, count: SCP_SEGMENTS, scp: { file: 'report.csv', remotePath: '' } });
    expect(parseCommand('scp -C ./data/report.csv ec2-user@web-2:/tmp/')).toMatchObject({ target: 'web-2', scp: { file: 'report.csv', remotePath: '/tmp/' } });
    // Enough data segments (152 B each) for a 3 KB byte-count target in one copy.
    expect(SCP_SEGMENTS * 152).toBeGreaterThan(3000);
  });
  it('refuses local copies and copies from a remote host', () => {
    expect(parseCommand('scp a b')).toMatchObject({ kind: 'error', message: expect.stringContaining('local copy') });
    expect(parseCommand('scp 10.2.1.20:a .')).toMatchObject({ kind: 'error', message: expect.stringContaining('only copying to a remote host') });
    expect(parseCommand('scp report.csv')).toMatchObject({ kind: 'error', message: 'usage: scp <file> [user@]host:[path]' });
  });
  it('prints the progress line on success and ssh\'s timeout on failure', () => {
    const ok = formatOutput(probe('scp report.csv 10.2.1.20:'), '10.2.1.20', result(true), false);
    expect(ok[0]).toMatch(/^report\.csv\s+100%\s+2400\s+[\d.]+KB\/s\s+00:24$/);
    expect(formatOutput(probe('scp report.csv 10.2.1.20:'), '10.2.1.20', result(false), false)).toEqual(['ssh: connect to host 10.2.1.20 port 22: Connection timed out', 'scp: Connection closed']);
  });
});

describe('traceroute', () => {
  it('says what it sends: UDP probes to port 33434 from an ephemeral port, of the size the flow log records', () => {
    expect(parseCommand('traceroute 10.0.0.5')).toMatchObject({ protocol: 17, port: 33434, count: 3 });
    const line = HELP.find((l) => l.includes('traceroute'))!;
    expect(line).toMatch(/to port 33434, from an ephemeral port/);
    expect(line).not.toMatch(/from port 33434/);
    const out = formatOutput(probe('traceroute 10.0.0.5'), '10.0.0.5', result(true), false);
    expect(out[0]).toBe(`traceroute to 10.0.0.5 (10.0.0.5), 30 hops max, ${probeBytes(17)} byte packets`);
    expect(probeBytes(17)).toBe(92);
  });
});
