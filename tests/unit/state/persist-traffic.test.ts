/** Saved traffic reads back as it was; damaged or hand-edited saves give nothing, or only the records that check out. */
import { describe, expect, it } from 'vitest';
import { compileNetwork, traceProbe } from '../../../src/engine/index.ts';
import { parseSavedTraffic } from '../../../src/state/persist-traffic.ts';
import { SnapshotBuilder } from '../../support/builder.ts';

function someRecords() {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const s = b.subnet(v.vpcId, '10.0.1.0/24', 'app');
  const x = b.instance(s, '10.0.1.10', 'x').instanceId;
  const y = b.instance(s, '10.0.1.11', 'y').instanceId;
  b.flowLog(s);
  const out = traceProbe(compileNetwork(b.build()), { from: x, to: y, protocol: 1, flowLogs: 'snapshot' });
  if (!out.ok) throw new Error(out.error);
  return out.details.result.flowLogs.map((record) => ({ record, visibleAt: record.fields.end + 300 }));
}

describe('saved traffic', () => {
  it('reads back what was saved', () => {
    const saved = { clock: 1767225700, logged: someRecords() };
    expect(saved.logged.length).toBeGreaterThan(0);
    expect(parseSavedTraffic(JSON.stringify(saved))).toEqual(saved);
  });

  it('gives nothing for text that is not saved traffic', () => {
    for (const text of ['', '{', 'null', '[]', '{"clock":"soon","logged":[]}', '{"clock":1,"logged":{}}', '{"__proto__":{"clock":1}}']) {
      expect(parseSavedTraffic(text), text).toBeNull();
    }
  });

  it('leaves out records whose fields are not of the types readers rely on', () => {
    const [good, bad] = someRecords();
    const broken = { ...bad, record: { ...bad.record, fields: { ...bad.record.fields, packets: '4' } } };
    const noLine = { ...bad, record: { ...bad.record, line: 42 } };
    const parsed = parseSavedTraffic(JSON.stringify({ clock: 5, logged: [good, broken, noLine, null, 7] }));
    expect(parsed).toEqual({ clock: 5, logged: [good] });
  });
});
