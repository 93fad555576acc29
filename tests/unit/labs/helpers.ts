/** Reading the built-in labs and playing them as a learner would, for the lab tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FlowLogRecord } from '../../../src/engine/flowlog/index.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';
import { applyChanges, evaluateLab, parseLab, sendTraffic, type Lab, type LabProgress } from '../../../src/engine/labs/index.ts';

export const LABS_DIR = fileURLToPath(new URL('../../../static/labs/', import.meta.url));

export function readLabText(file: string): string {
  return readFileSync(LABS_DIR + file, 'utf8');
}

export function loadLab(file: string): Lab {
  const r = parseLab(readLabText(file));
  if (!r.ok) throw new Error(`${file}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return r.lab;
}

/** One moment of a playthrough: after step `step`'s solution and traffic. */
export interface PlayState {
  step: number;
  doc: Snapshot;
  records: FlowLogRecord[];
  progress: LabProgress;
}

/**
 * Plays a lab as a learner who follows every step: the background traffic first, then for each
 * step its solution, then the traffic it asks for. The clock advances a minute per step.
 */
export function playLab(lab: Lab): PlayState[] {
  let doc = lab.start as Snapshot;
  let clock = 1_767_225_600;
  const records: FlowLogRecord[] = [...sendTraffic(doc, lab.background ?? [], { clock }).records];
  const states: PlayState[] = [];
  lab.steps.forEach((step, i) => {
    clock += 60;
    if (step.solution) {
      const r = applyChanges(doc, step.solution);
      if (!r.ok) throw new Error(`step ${step.id}: ${r.error}`);
      doc = r.doc;
    }
    const sent = sendTraffic(doc, step.traffic ?? [], { clock });
    for (const s of sent.sent) if (!s.ok) throw new Error(`step ${step.id}: traffic cannot be sent: ${s.error}`);
    records.push(...sent.records);
    states.push({ step: i, doc, records: [...records], progress: evaluateLab(lab, doc, records) });
  });
  return states;
}
