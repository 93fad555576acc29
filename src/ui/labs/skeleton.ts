/** A lab skeleton built from the instructor's current network: the start snapshot and one step to fill in. */
import { LAB_FORMAT, type LabInput, type Snapshot } from '../../engine/index.ts';

export function labSkeleton(doc: Snapshot): LabInput {
  return {
    format: LAB_FORMAT,
    id: 'my-lab',
    title: 'My lab',
    summary: 'What the learner will do and learn, in a sentence or two.',
    level: 'beginner',
    minutes: 20,
    start: doc as LabInput['start'],
    steps: [
      {
        id: 'step-1',
        title: 'First step',
        instructions: 'Tell the learner what to do and **why**.',
        hints: ['A first hint, shown on demand.'],
        checks: [],
      },
    ],
  };
}

export const labText = (lab: unknown) => `${JSON.stringify(lab, null, 2)}\n`;

/** Starts a download of text as a file. */
export function download(text: string, name: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
