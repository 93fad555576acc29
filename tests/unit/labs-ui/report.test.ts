import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChanges, evaluateLab, parseLab, type Lab } from '../../../src/engine/index.ts';
import { buildReportHtml, reportData, reportFileName } from '../../../src/state/lab-report.ts';
import { networkSvg } from '../../../src/ui/labs/network-svg.ts';
import { pathParts } from '../../../src/ui/labs/pathparts.ts';
import { labSkeleton } from '../../../src/ui/labs/skeleton.ts';

const parsed = parseLab(readFileSync('static/labs/peering-and-flow-logs.json', 'utf8'));
if (!parsed.ok) throw new Error('lab 1 does not parse');
const lab: Lab = parsed.lab;

describe('completion report', () => {
  it('escapes everything the learner or the lab wrote, and nothing in it can run', () => {
    const hostile = { ...lab, title: 'Lab </script><script>alert(1)</script>' };
    const doc = { ...lab.start, Vpcs: lab.start.Vpcs!.map((v) => ({ ...v, Tags: [{ Key: 'Name', Value: '<img src=x onerror=alert(1)>' }] })) };
    const html = buildReportHtml({ lab: hostile, learner: 'Eve <script>', progress: evaluateLab(lab, doc), passed: {}, doc, now: 0 });
    expect(html).not.toMatch(/<script>|<img/);
    expect(html).toContain('Eve &lt;script&gt;');
    expect(html.match(/<\/script>/g)).toHaveLength(1); // only the JSON block's own end
    expect(html).toContain("default-src 'none'");
    const json = JSON.parse(/<script type="application\/json" id="vpc-lab-report">([\s\S]*?)<\/script>/.exec(html)![1]);
    expect(json.learner).toBe('Eve <script>');
    expect(json.snapshot.Vpcs).toHaveLength(2);
  });

  it('lists checks with when they first passed, and counts them', () => {
    const solved = applyChanges(lab.start, lab.steps[0].solution ?? []);
    if (!solved.ok) throw new Error(solved.error);
    const progress = evaluateLab(lab, solved.doc);
    const data = reportData({ lab, learner: 'Ada', progress, passed: { 'create-role#0': { sim: 1767225600, wall: 1767225600000 } }, doc: solved.doc, now: 0 });
    expect(data.checksTotal).toBe(11);
    expect(data.checksPassed).toBeGreaterThanOrEqual(1);
    expect(data.steps[0].checks[0]).toMatchObject({ passed: true, firstPassed: { sim: 1767225600 } });
    expect(reportFileName(lab, '  Ada Lovelace! ')).toBe('peering-and-flow-logs-report-ada-lovelace.html');
  });

  it('draws VPCs, subnets, instances and peerings', () => {
    const svg = networkSvg(lab.start);
    expect(svg).toMatch(/^<svg /);
    for (const name of ['vpc-1', 'vpc-2', 'vpc-1-public', 'web-1', 'web-2', 'vpc-1-igw']) expect(svg).toContain(name);
    const peered = applyChanges(lab.start, lab.steps[3].solution ?? []);
    if (!peered.ok) throw new Error(peered.error);
    expect(networkSvg(peered.doc)).toContain('class="peer pending"');
    expect(networkSvg({})).toContain('No VPCs');
  });
});

describe('authoring helpers', () => {
  it('builds a skeleton that parses as a lab', () => {
    expect(parseLab(JSON.stringify(labSkeleton(lab.start))).ok).toBe(true);
  });
  it('turns error paths into JSON paths', () => {
    expect(pathParts('steps[2].checks[0].kind')).toEqual(['steps', 2, 'checks', 0, 'kind']);
    expect(pathParts('start["a b"].x')).toEqual(['start', 'a b', 'x']);
    expect(pathParts('')).toEqual([]);
  });
});
