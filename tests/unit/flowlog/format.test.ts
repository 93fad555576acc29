import { describe, expect, it } from 'vitest';
import { F } from '../../../src/engine/flowlog/fields.ts';
import {
  DEFAULT_LOG_FORMAT, DEFAULT_LOG_FORMAT_TEXT, FIELD_SPECS, type FlowLogFields, fieldText, formatRecordLine, headerLine, parseLogFormat,
} from '../../../src/engine/flowlog/index.ts';

const parsed = (text: string) => {
  const r = parseLogFormat(text);
  if (!r.ok) throw new Error(r.error);
  return r.format;
};

describe('log formats', () => {
  it('has the version 2 default format in AWS order', () => {
    expect(DEFAULT_LOG_FORMAT_TEXT).toBe('${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}');
    expect(DEFAULT_LOG_FORMAT.version).toBe(2);
    expect(parsed(DEFAULT_LOG_FORMAT_TEXT).codes).toEqual(DEFAULT_LOG_FORMAT.codes);
  });

  it.each([
    ['${srcaddr} ${dstaddr}', 2],
    ['${version} ${vpc-id} ${subnet-id} ${instance-id} ${tcp-flags} ${type} ${pkt-srcaddr} ${pkt-dstaddr}', 3],
    ['${srcaddr} ${region} ${az-id} ${sublocation-type} ${sublocation-id}', 4],
    ['${az-id} ${pkt-src-aws-service} ${pkt-dst-aws-service} ${flow-direction} ${traffic-path}', 5],
    ['${version} ${ecs-cluster-arn} ${ecs-cluster-name} ${ecs-container-instance-arn} ${ecs-container-instance-id} ${ecs-container-id} ${ecs-second-container-id} ${ecs-service-name} ${ecs-task-definition-arn} ${ecs-task-arn} ${ecs-task-id}', 7],
    ['${reject-reason} ${version}', 8],
  ])('computes the version of %s as %i', (text, version) => {
    expect(parsed(text).version).toBe(version);
  });

  it('accepts every field AWS defines and keeps their order', () => {
    const text = FIELD_SPECS.map(([n]) => '${' + n + '}').join(' ');
    const f = parsed(text);
    expect(f.names).toEqual(FIELD_SPECS.map(([n]) => n));
    expect(headerLine(f)).toBe(FIELD_SPECS.map(([n]) => n).join(' '));
  });

  it('refuses unknown fields with a suggestion', () => {
    const r = parseLogFormat('${version} ${src-addr}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain('"${src-addr}" at character 12 is not a flow log field');
      expect(r.error).toContain('did you mean ${srcaddr}?');
      expect(r.position).toBe(11);
    }
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['version account-id', 'is not a field'],
    ['${version}  ${srcaddr}', 'extra space'],
    ['${version} ${srcaddr} ', 'extra space'],
    ['${version},${srcaddr}', 'is not a field'],
    ['${version ${srcaddr}', 'is not a field'],
  ])('refuses malformed format %j', (text, message) => {
    const r = parseLogFormat(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('never throws on odd input', () => {
    expect(parseLogFormat(undefined as unknown as string).ok).toBe(false);
    expect(parseLogFormat('${}').ok).toBe(false);
  });

  it('maps every typed field to the AWS field of the same meaning', () => {
    const fields = Object.fromEntries(Object.keys(F).map((k, i) => [k, `v${i}`])) as unknown as FlowLogFields;
    const byName = Object.fromEntries(FIELD_SPECS.map(([n], i) => [n, i]));
    expect(Object.entries(F).map(([k, code]) => [k, FIELD_SPECS[code][0]])).toEqual(Object.keys(F).map((k) => [k, awsName(k)]));
    for (const [k, code] of Object.entries(F)) expect(fieldText(code, fields)).toBe(fields[k as keyof FlowLogFields]);
    expect(fieldText(byName['sublocation-id'], fields)).toBe('-');
  });

  it('writes "-" for absent values and for fields the simulator does not model', () => {
    const fields: FlowLogFields = {
      version: 5, accountId: '123456789010', interfaceId: 'eni-1', srcAddr: '10.0.0.1', dstAddr: null, srcPort: 0, dstPort: null,
      protocol: 1, packets: 4, bytes: 336, start: 10, end: 20, action: 'ACCEPT', logStatus: 'OK', vpcId: null, subnetId: null,
      instanceId: null, tcpFlags: 0, type: 'IPv4', pktSrcAddr: null, pktDstAddr: null, region: 'us-east-1', azId: null,
      flowDirection: 'egress', trafficPath: 1,
    };
    const f = parsed('${version} ${srcaddr} ${dstaddr} ${srcport} ${instance-id} ${tcp-flags} ${sublocation-id} ${ecs-task-id} ${flow-direction} ${traffic-path} ${log-status}');
    expect(formatRecordLine(f, fields)).toBe('5 10.0.0.1 - 0 - 0 - - egress 1 OK');
  });
});

/** camelCase (Logs Insights) -> AWS field name. */
function awsName(key: string): string {
  const special: Record<string, string> = { srcAddr: 'srcaddr', dstAddr: 'dstaddr', srcPort: 'srcport', dstPort: 'dstport', pktSrcAddr: 'pkt-srcaddr', pktDstAddr: 'pkt-dstaddr' };
  return special[key] ?? key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}
