/**
 * A step's card must not move on before the learner has done what its text asks. A step that
 * asks for traffic ends with it: after its solution alone it is still unfinished, so the card
 * stays, and the "Send this step's traffic" button the learner presses next is that step's own
 * (the QA found sg-vs-nacl's step 2 complete as soon as its rule was added: its button then sent
 * step 3's traffic).
 */
import { describe, expect, it } from 'vitest';
import type { FlowLogRecord } from '../../../src/engine/flowlog/index.ts';
import { applyChanges, evaluateLab, parseLabIndex, sendTraffic } from '../../../src/engine/labs/index.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';
import { loadLab, readLabText } from './helpers.ts';

const index = parseLabIndex(readLabText('index.json'));
if (!index.ok) throw new Error('index');

describe.each(index.index.labs)('built-in lab $id', ({ file }) => {
  it('a step that asks for traffic is complete only once its traffic is sent, after its solution', () => {
    const lab = loadLab(file);
    let doc = lab.start as Snapshot;
    let clock = 1_767_225_600;
    const records: FlowLogRecord[] = [...sendTraffic(doc, lab.background ?? [], { clock }).records];
    const early: string[] = [];
    lab.steps.forEach((step, i) => {
      clock += 60;
      if (step.solution) {
        const r = applyChanges(doc, step.solution);
        if (!r.ok) throw new Error(r.error);
        doc = r.doc;
      }
      if (step.traffic?.length && evaluateLab(lab, doc, records).steps[i].complete) early.push(step.id);
      records.push(...sendTraffic(doc, step.traffic ?? [], { clock }).records);
    });
    expect(early, 'steps complete before the traffic their text asks for').toEqual([]);
  });
});

describe('the QA\'s case', () => {
  it('sg-vs-nacl step 2 waits for its ping after the rule: its checks want the egress ACCEPT of the replies', () => {
    const lab = loadLab('sg-vs-nacl.json');
    const clock = 1_767_225_600;
    const records = [...sendTraffic(lab.start as Snapshot, lab.steps[0].traffic ?? [], { clock }).records];
    const fixed = applyChanges(lab.start as Snapshot, lab.steps[1].solution ?? []);
    if (!fixed.ok) throw new Error(fixed.error);
    expect(evaluateLab(lab, fixed.doc, records).current).toBe(1);
    records.push(...sendTraffic(fixed.doc, lab.steps[1].traffic ?? [], { clock: clock + 10 }).records);
    expect(evaluateLab(lab, fixed.doc, records).current).toBe(2);
  });
});
