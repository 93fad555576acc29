import { describe, expect, it } from 'vitest';
import * as E from '../../../src/engine/edit/index.ts';
import { DEFAULT_LOG_FORMAT_TEXT, FIELD_SPECS } from '../../../src/engine/flowlog/index.ts';
import { codes, expectOne, validateWith } from './fixtures.ts';
import { ids as makeIds, must } from '../edit/helpers.ts';
import type { Snapshot } from '../../../src/engine/index.ts';

const PATH = '$.FlowLogs[0].LogFormat';

describe('FLOW_LOG_FORMAT_INVALID: CreateFlowLogs refuses a LogFormat that is not ${field} tokens of known fields', () => {
  it('names an unknown field, where it is, and says how to fix it', () => {
    // The QA repro: an unknown field with no close known name.
    const foo = expectOne(validateWith((d) => { d.FlowLogs[0].LogFormat = '${foo} ${version}'; }), 'FLOW_LOG_FORMAT_INVALID', 'error', PATH, ['Flow log fl-1', '"${foo}" at character 1 is not a flow log field', 'remove it', '${srcaddr}']);
    expect(foo.message).not.toContain('did you mean');
    // A misspelt field: the closest known name.
    expectOne(validateWith((d) => { d.FlowLogs[0].LogFormat = '${version} ${src-addr}'; }), 'FLOW_LOG_FORMAT_INVALID', 'error', PATH, ['"${src-addr}" at character 12', 'did you mean ${srcaddr}?']);
    expectOne(validateWith((d) => { d.FlowLogs[0].LogFormat = '${verison} ${srcaddr}'; }), 'FLOW_LOG_FORMAT_INVALID', 'error', PATH, ['did you mean ${version}?']);
    expectOne(validateWith((d) => { d.FlowLogs[0].LogFormat = '${Action}'; }), 'FLOW_LOG_FORMAT_INVALID', 'error', PATH, ['did you mean ${action}?']);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['${}', '"${}" at character 1 is not a flow log field'],
    ['version account-id', '"version" at character 1 is not a field'],
    ['${version}  ${srcaddr}', 'extra space'],
    ['${version} ${srcaddr} ', 'extra space'],
    [' ${version}', 'extra space'],
    ['${version},${srcaddr}', 'is not a field'],
    ['${version}\t${srcaddr}', 'is not a field'],
    ['${version ${srcaddr}', 'is not a field'],
    ['$version', 'is not a field'],
  ])('refuses the malformed format %j', (format, mention) => {
    expectOne(validateWith((d) => { d.FlowLogs[0].LogFormat = format; }), 'FLOW_LOG_FORMAT_INVALID', 'error', PATH, [mention]);
  });

  it('accepts the default format, every field AWS defines (v2 to v8), and an absent LogFormat', () => {
    expect(validateWith((d) => { d.FlowLogs[0].LogFormat = DEFAULT_LOG_FORMAT_TEXT; })).toEqual([]);
    expect(validateWith((d) => { d.FlowLogs[0].LogFormat = FIELD_SPECS.map(([n]) => '${' + n + '}').join(' '); })).toEqual([]);
    for (const [name] of FIELD_SPECS) expect(validateWith((d) => { d.FlowLogs[0].LogFormat = '${' + name + '}'; }), name).toEqual([]);
    expect(validateWith((d) => { delete d.FlowLogs[0].LogFormat; })).toEqual([]);
  });

  it('leaves a LogFormat of the wrong type to the shape check', () => {
    expect(codes(validateWith((d) => { d.FlowLogs[0].LogFormat = 42; }))).not.toContain('FLOW_LOG_FORMAT_INVALID');
  });
});

describe('createFlowLog refuses an invalid format, as CreateFlowLogs does', () => {
  function vpcDoc(): { doc: Snapshot; vpcId: string; ids: E.IdGenerator } {
    const ids = makeIds();
    const r = E.createVpc({}, { cidr: '10.0.0.0/16' }, ids);
    return { doc: must(r), vpcId: r.created![0], ids };
  }
  const s3 = (resourceId: string, logFormat?: string) => ({ resourceId, trafficType: 'ALL' as const, destinationType: 's3' as const, destination: 'arn:aws:s3:::my-bucket', logFormat });

  it('refuses ${foo} ${version}, naming the field, and creates nothing', () => {
    const { doc, vpcId, ids } = vpcDoc();
    const r = E.createFlowLog(doc, s3(vpcId, '${foo} ${version}'), ids);
    expect(r.error).toBe(`InvalidParameter: Value '\${foo} \${version}' at 'logFormat' has an invalid format: "\${foo}" at character 1 is not a flow log field: remove it, or use a field AWS defines, such as \${srcaddr}, \${dstaddr} or \${action} (VPC User Guide, "Flow log records", Available fields).`);
    expect(r.doc).toBe(doc);
    expect(r.created).toBeUndefined();
  });

  it.each(['${version} ${srcaddr} ', '${version},${srcaddr}', '${}', '${src-addr}'])('refuses %j', (format) => {
    const { doc, vpcId, ids } = vpcDoc();
    expect(E.createFlowLog(doc, s3(vpcId, format), ids).error).toMatch(/^InvalidParameter: Value '.*' at 'logFormat' has an invalid format: /);
  });

  it('stores the default format for an empty one, and a valid custom format as given', () => {
    const { doc, vpcId, ids } = vpcDoc();
    const plain = must(E.createFlowLog(doc, s3(vpcId, '  '), ids));
    expect(plain.FlowLogs![0].LogFormat).toBe(DEFAULT_LOG_FORMAT_TEXT);
    const custom = must(E.createFlowLog(doc, s3(vpcId, '${version} ${vpc-id} ${flow-direction} ${traffic-path}'), ids));
    expect(custom.FlowLogs![0].LogFormat).toBe('${version} ${vpc-id} ${flow-direction} ${traffic-path}');
  });
});
