import { describe, expect, it } from 'vitest';
import { evaluateLab } from '../../../src/engine/labs/index.ts';
import { createFlowLogRole } from '../../../src/engine/edit/index.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';
import { loadLab } from './helpers.ts';

describe('lab steps are doable with what the UI offers', () => {
  const lab = loadLab('peering-and-flow-logs.json');

  it('lab 1 step 1: the flow-log dialog\'s "Create role flowlogsRole" passes every check, and the text names that role', () => {
    const r = createFlowLogRole(lab.start as Snapshot, { roleName: 'flowlogsRole' });
    expect(r.error).toBeUndefined();
    const step = evaluateLab(lab, r.doc).steps[0];
    expect(step.checks.map((c) => [c.label, c.passed])).toEqual(lab.steps[0].checks.map((c) => [c.label, true]));
    expect(step.checks.length).toBe(2);
    expect(lab.steps[0].instructions).toContain('Create role flowlogsRole');
    expect(lab.steps[1].instructions).toContain('`flowlogsRole`');
    expect(lab.steps[1].instructions).not.toContain('vpc-flow-logs-role');
  });

  it('lab 1 step 1: a role that only trusts the service does not pass the permissions check', () => {
    const r = createFlowLogRole(lab.start as Snapshot, { roleName: 'flowlogsRole' });
    const pg = r.doc.Playground as { iamRoles: Record<string, unknown>[] };
    const doc = { ...r.doc, Playground: { ...pg, iamRoles: pg.iamRoles.map((x) => ({ ...x, Policies: [] })) } } as Snapshot;
    expect(evaluateLab(lab, doc).steps[0].checks.map((c) => c.passed)).toEqual([true, false]);
  });

  it('no built-in lab names a fixed source port the console no longer uses', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { LABS_DIR } = await import('./helpers.ts');
    for (const f of readdirSync(LABS_DIR)) {
      const text = readFileSync(`${LABS_DIR}/${f}`, 'utf8');
      for (const m of text.matchAll(/[^\n"]{0,60}44321[^\n"]{0,60}/g)) expect(m[0], f).toMatch(/such as `44321`|44321, say/);
    }
  });
});
