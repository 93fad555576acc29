/**
 * A lab file: data, not code. A start snapshot, ordered steps (title, Markdown instructions,
 * hints, optional traffic to send, checks, optional solution as JSON Patch changes). This one
 * definition gives the TypeScript types, the runtime check (parseLab) and the JSON Schema the
 * editor validates and completes lab files with. Lab objects are strict, so that a misspelt
 * field ("expct") is an error instead of a silently ignored value; the start snapshot is as
 * loose as any snapshot.
 */
import { z } from 'zod';
import { IamRoleSchema } from '../flowlog/index.ts';
import { PlaygroundSchema, SnapshotSchema } from '../model/schema.ts';
import { ChangeSchema } from './changes.ts';
import { CheckSchema } from './checks/index.ts';
import { TrafficSchema } from './traffic.ts';

/** The `format` value of a lab file. */
export const LAB_FORMAT = 'vpc-lab/lab@1';
/** The `format` value of the built-in labs' index. */
export const LAB_INDEX_FORMAT = 'vpc-lab/lab-index@1';

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use lowercase letters, digits and dashes (at most 64), e.g. "peering-and-flow-logs"');
const Markdown = (what: string, max: number) => z.string().max(max).describe(`${what} (Markdown: headings, emphasis, \`code\`, code blocks, lists, http(s) links; raw HTML is not allowed).`);

/** The start snapshot: any snapshot document; IAM roles for flow-log delivery live under Playground.iamRoles. */
export const LabSnapshotSchema = SnapshotSchema.extend({
  Playground: PlaygroundSchema.extend({
    iamRoles: z.array(IamRoleSchema).describe('IAM roles (aws iam get-role, with inline Policies): the role a CloudWatch Logs flow log names in DeliverLogsPermissionArn.').optional(),
  }).optional(),
});

export const StepSchema = z.strictObject({
  id: Slug.describe('Stable id of the step within the lab.'),
  title: z.string().min(1).max(200),
  instructions: Markdown('What to do and why', 20_000),
  hints: z.array(Markdown('A hint, shown on demand', 2_000)).max(10).default([]),
  traffic: z.array(TrafficSchema).max(20).describe('Traffic the instructions ask the learner to send (offered as a one-click action; tests send it after the step\'s solution).').optional(),
  checks: z.array(CheckSchema).max(30).default([]).describe('What must hold for the step to be complete. A step without checks is a reading step.'),
  solution: z.array(ChangeSchema).max(200).describe('The change that solves the step, as JSON Patch operations on the document ("show solution" applies it as one undoable change).').optional(),
});

export const LabSchema = z.strictObject({
  format: z.literal(LAB_FORMAT).describe(`Always "${LAB_FORMAT}".`),
  id: Slug.describe('Stable id of the lab, also its file name in static/labs/.'),
  title: z.string().min(1).max(200),
  summary: Markdown('One or two sentences on what the learner will do and learn', 2_000),
  level: z.enum(['beginner', 'intermediate', 'advanced']).optional(),
  minutes: z.number().int().min(1).max(600).describe('Expected time to complete, in minutes.').optional(),
  start: LabSnapshotSchema.describe('The snapshot the lab starts from.'),
  background: z.array(TrafficSchema).max(200).describe('Traffic that happens without the learner (scanners, other users): the UI replays it into the learner\'s flow logs; checks can use it with "traffic": "background".').optional(),
  steps: z.array(StepSchema).min(1).max(50),
}).superRefine((lab, ctx) => {
  const seen = new Set<string>();
  lab.steps.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `the step id "${s.id}" is used twice: step ids must be unique` });
    seen.add(s.id);
  });
}).describe('A VPC Lab lab: a start snapshot and ordered steps with checks.');

/** A lab as parseLab returns it (defaults applied). */
export type Lab = z.infer<typeof LabSchema>;
export type LabStep = z.infer<typeof StepSchema>;
/** A lab as a file may write it (defaults not applied). */
export type LabInput = z.input<typeof LabSchema>;

/** The list of built-in labs (static/labs/index.json). */
export const LabIndexSchema = z.strictObject({
  format: z.literal(LAB_INDEX_FORMAT),
  labs: z.array(z.strictObject({
    id: Slug,
    file: z.string().regex(/^[a-z0-9-]+\.json$/).describe('The lab file, relative to the index.'),
    title: z.string().min(1).max(200),
    summary: z.string().max(2_000),
    level: z.enum(['beginner', 'intermediate', 'advanced']).optional(),
    minutes: z.number().int().min(1).max(600).optional(),
    steps: z.number().int().min(1).max(50).describe('Number of steps.'),
  })).max(100),
});
export type LabIndex = z.infer<typeof LabIndexSchema>;

/** The JSON Schema of a lab file, with descriptions, for the editor (validation, completion, hover). */
export function labJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(LabSchema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
}
