// `insights-query` checks pass only on the learner's own Logs Insights run: what counts, what the
// failing message says, which step a run counts for, and that bad runs are refused, not trusted.
import { describe, expect, it } from 'vitest';
import {
  MAX_RUNS, MAX_RUN_ROWS, appendQueryRun, applyChanges, createCheckContext, evaluateCheck, evaluateLab, parseLab, parseQueryRuns, queryRunOf, runsForStep, sendTraffic,
  type Check, type CompletedQuery, type Lab, type QueryRun,
} from '../../../src/engine/labs/index.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';
import { reachedStep, recordCompletedQuery } from '../../../src/ui/labs/query-runs.ts';
import { consoleRun, loadLab, playLab } from './helpers.ts';

const lab1 = loadLab('peering-and-flow-logs.json');
const solved = lab1.steps.reduce((doc, s) => {
  const r = applyChanges(doc, s.solution ?? []);
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}, lab1.start as Snapshot);
const scp = { from: 'name:web-1', to: 'name:web-2', protocol: 'tcp' as const, port: 22, count: 20 };
const records = sendTraffic(solved, [scp], { clock: 1_767_225_600 }).records;
const TOP = 'stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc | limit 10';
const check: Check = { kind: 'insights-query', query: TOP, logGroup: 'vpc-1-flow-logs', topRow: { srcAddr: 'name:web-1', dstAddr: 'name:web-2', bytesTransferred: { $gte: 3000 } } };

const at = { sim: 1_767_225_700, wall: 1_767_225_700_000 };
const runOf = (done: CompletedQuery, step = 'x'): QueryRun => queryRunOf(done, step, at);
const evaluate = (c: Check, runs: QueryRun[], doc = solved) => evaluateCheck(c, createCheckContext(doc, records, [], runs));

describe('insights-query: the learner\'s run is the evidence', () => {
  it('fails while the learner has run nothing, even though the records would give the answer, and says what to do', () => {
    const r = evaluate(check, []);
    expect(r.passed).toBe(false);
    expect(r.detail).toBe(`Open Logs Insights, select log group vpc-1-flow-logs and run a query such as "${TOP}" — you have not run a query since reaching this step.`);
    // The same check with the opt-in "records" evidence passes from the data alone.
    expect(evaluate({ ...check, evidence: 'records' } as Check, []).passed).toBe(true);
  });

  it('passes on a run whose top row matches, whatever the query\'s wording ("name:web-1" is web-1\'s private IP)', () => {
    const own = consoleRun(solved, records, 'stats sum(bytes) as bytesTransferred by srcAddr, dstAddr\n| sort bytesTransferred desc');
    const r = evaluate(check, [runOf(own)]);
    expect(r).toEqual({ passed: true, detail: 'Your query "stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc" on vpc-1-flow-logs returned the top row srcAddr=10.1.1.10, dstAddr=10.2.1.20, bytesTransferred=3256.' });
  });

  it('tells what the last run returned when it does not match', () => {
    const fewer = consoleRun(solved, records, 'stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred asc');
    const r = evaluate(check, [runOf(fewer)]);
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/^Open Logs Insights, select log group vpc-1-flow-logs and run a query such as ".*" — your last run \("stats sum\(bytes\) as bytesTransferred by srcAddr, dstAddr \| sort bytesTransferred asc" on vpc-1-flow-logs\) returned the top row srcAddr=10\.2\.1\.20, dstAddr=10\.1\.1\.10, bytesTransferred=\d+\.$/);
    const other = consoleRun(solved, records, 'stats count(*) as n by srcAddr');
    expect(evaluate(check, [runOf(other)]).detail).toMatch(/your last run \("stats count\(\*\) as n by srcAddr" on vpc-1-flow-logs\) returned no column dstAddr, bytesTransferred \(its columns: srcAddr, n\)\.$/);
    const none = consoleRun(solved, records, 'filter dstPort = 9999 | stats count(*) as n by srcAddr');
    expect(evaluate(check, [runOf(none)]).detail).toMatch(/returned no rows \(is the time range wide enough\?\)\.$/);
    const minRows: Check = { kind: 'insights-query', query: 'fields srcAddr', minRows: 100 };
    expect(evaluate(minRows, [runOf(consoleRun(solved, records, 'fields srcAddr'))]).detail).toMatch(/— your last run \("fields srcAddr" on vpc-1-flow-logs\) returned \d+ row\(s\), fewer than 100\.$/);
    expect(evaluate({ ...minRows, minRows: 2 } as Check, [runOf(consoleRun(solved, records, 'fields srcAddr'))]).detail).toMatch(/^Your query "fields srcAddr" on vpc-1-flow-logs returned \d+ row\(s\)\.$/);
  });

  it('needs the check\'s log group among those the run read, and no imported file mixed in', () => {
    const good = consoleRun(solved, records, TOP);
    const elsewhere = runOf({ ...good, groups: ['other-group'] });
    expect(evaluate(check, [elsewhere]).detail).toMatch(/your last run \(".*" on other-group\) did not read vpc-1-flow-logs\.$/);
    expect(evaluate(check, [runOf({ ...good, groups: ['other-group', 'vpc-1-flow-logs'] })]).passed).toBe(true);
    const withFile = runOf({ ...good, files: ['file:forged.log'] });
    expect(evaluate(check, [withFile]).detail).toMatch(/also read the imported file file:forged\.log, so its rows are not only from the lab's flow logs\.$/);
    const noGroup: Check = { ...check, logGroup: undefined } as Check;
    expect(evaluate(noGroup, [runOf({ ...good, groups: [], files: ['file:forged.log'] })]).passed).toBe(false);
    expect(evaluate(noGroup, [runOf(good)]).passed).toBe(true);
  });

  it('any run since the step was reached counts, so exploring afterwards keeps the step; the message quotes the newest run', () => {
    const good = runOf(consoleRun(solved, records, TOP));
    const later = runOf(consoleRun(solved, records, 'stats count(*) by action'));
    expect(evaluate(check, [good, later]).passed).toBe(true);
    expect(evaluate(check, [later, later]).detail).toMatch(/your last run \("stats count\(\*\) by action"/);
  });

  it('says so when a name in the check does not resolve', () => {
    const r = evaluate({ ...check, topRow: { srcAddr: 'name:web-9' } } as Check, [runOf(consoleRun(solved, records, TOP))]);
    expect(r).toEqual({ passed: false, detail: 'The check cannot be evaluated: no resource is named "web-9".' });
  });

  it('ignores runs that are not runs (from damaged storage) instead of crashing', () => {
    const junk = [null, 5, { query: 1 }, { ...runOf(consoleRun(solved, records, TOP)), rows: 'x' }] as unknown as QueryRun[];
    expect(evaluate(check, junk).passed).toBe(false);
    expect(evaluateLab(lab1, solved, records, 'nope' as unknown as QueryRun[]).done).toBe(false);
  });

  it('labels a check without a label by what the learner must do', () => {
    const lab: Lab = { ...lab1, steps: [{ id: 'q', title: 'Q', instructions: '', hints: [], checks: [{ ...check, label: undefined }] }] } as Lab;
    expect(evaluateLab(lab, solved).steps[0].checks[0].label).toBe('you run a Logs Insights query on vpc-1-flow-logs (such as "stats sum(bytes) as bytesTransferred by srcAddr, dstAddr …") that returns a top row with srcAddr, dstAddr, bytesTransferred');
  });
});

describe('which step a run counts for', () => {
  const lab5 = loadLab('flow-logs-security.json');
  const doc = lab5.start as Snapshot;
  const background = sendTraffic(doc, lab5.background ?? [], { clock: 1_767_225_600 }).records;
  const rejected = consoleRun(doc, background, lab5.steps[0].checks[0].kind === 'insights-query' ? lab5.steps[0].checks[0].query : '', ['web-vpc-flow-logs']);

  it('a run is recorded for the first unfinished step (the last one once the lab is done)', () => {
    expect(reachedStep(lab5, null)).toBe('rejected-sources');
    expect(reachedStep(lab5, { current: 1 })).toBe('accepted-ssh');
    expect(reachedStep(lab5, { current: lab5.steps.length })).toBe(lab5.steps.at(-1)!.id);
  });

  it('counts for its step and the earlier ones, never a later one: step 1\'s query does not complete step 2', () => {
    const start = evaluateLab(lab5, doc, background, []);
    expect(start.steps[0].complete).toBe(false);
    const runs = recordCompletedQuery([], lab5, start, rejected, at);
    expect(runs[0].step).toBe('rejected-sources');
    const after = evaluateLab(lab5, doc, background, runs);
    expect(after.steps[0].complete).toBe(true);
    expect(after.current).toBe(1);
    // The same query again, now that step 2 is reached: its top row is 192.0.2.44 too, but it has no "connections".
    const again = recordCompletedQuery(runs, lab5, after, rejected, at);
    expect(again[1].step).toBe('accepted-ssh');
    const still = evaluateLab(lab5, doc, background, again).steps[1].checks[0];
    expect(still.passed).toBe(false);
    expect(still.detail).toMatch(/returned no column connections \(its columns: srcAddr, numRejections\)\.$/);
    expect(runsForStep(lab5, again, 1)).toEqual([again[1]]);
    expect(runsForStep(lab5, [{ ...again[0], step: 'no-such-step' }], 0)).toEqual([]);
  });

  it('a query whose top row merely starts with the same source does not do: step 1 wants the rejection count', () => {
    const packets = consoleRun(doc, background, 'stats sum(packets) as packetsTransferred by srcAddr, dstAddr | sort packetsTransferred desc | limit 15');
    expect(packets.rows[0][0]).toBe('192.0.2.44');
    const c = evaluateLab(lab5, doc, background, recordCompletedQuery([], lab5, null, packets, at)).steps[0].checks[0];
    expect(c.passed).toBe(false);
    expect(c.detail).toMatch(/returned no column numRejections \(its columns: srcAddr, dstAddr, packetsTransferred\)\.$/);
  });

  it('a query run before starting the lab never counts: only a run recorded during the lab is evidence', () => {
    expect(evaluateLab(lab5, doc, background, []).steps.slice(0, 2).map((s) => s.complete)).toEqual([false, false]);
  });
});

describe('runs as data', () => {
  it('keeps the first rows, the row count and the newest runs only', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`10.0.0.${i}`, i, 'x'.repeat(5000)]);
    const run = queryRunOf({ query: 'q', groups: ['g'], files: [], columns: ['a', 'b', 'c'], rows }, 's', at);
    expect(run.rows).toHaveLength(MAX_RUN_ROWS);
    expect(run.rowCount).toBe(40);
    expect((run.rows[0][2] as string).length).toBeLessThanOrEqual(1000);
    let runs: QueryRun[] = [];
    for (let i = 0; i < MAX_RUNS + 5; i++) runs = appendQueryRun(runs, { ...run, query: `q${i}` });
    expect(runs).toHaveLength(MAX_RUNS);
    expect(runs.at(-1)!.query).toBe(`q${MAX_RUNS + 4}`);
  });

  it('a run survives JSON and reads back equal; damaged entries are left out, a damaged list gives none', () => {
    const run = queryRunOf({ query: 'stats count(*) as n', groups: ['g'], files: [], columns: ['n', 'avg'], rows: [[3, Number.NaN]] }, 's', at);
    expect(run.rows[0]).toEqual([3, null]);
    expect(parseQueryRuns(JSON.parse(JSON.stringify([run])))).toEqual([run]);
    const bad = [
      null, 'x', [], { ...run, query: 5 }, { ...run, groups: 'g' }, { ...run, rows: [[1]] }, { ...run, rows: [[{}, 1]] },
      { ...run, rowCount: -1 }, { ...run, rowCount: 0 }, { ...run, at: { sim: 'x', wall: 1 } }, { ...run, step: 7 }, { ...run, columns: [1, 2] },
    ];
    expect(parseQueryRuns([...bad, run])).toEqual([run]);
    for (const v of [null, undefined, 'runs', 5, { 0: run }]) expect(parseQueryRuns(v)).toEqual([]);
  });
});

describe('a lab file can opt out', () => {
  it('"traffic" needs "evidence": "records"; "evidence" takes only the two values', () => {
    const text = (c: unknown) => JSON.stringify({ ...lab1, steps: [{ ...lab1.steps[0], checks: [c] }] });
    const withTraffic = parseLab(text({ ...check, traffic: [scp] }));
    expect(withTraffic.ok).toBe(false);
    if (!withTraffic.ok) expect(withTraffic.errors.map((e) => e.message).join('\n')).toMatch(/"traffic" only applies with "evidence": "records"/);
    expect(parseLab(text({ ...check, traffic: [scp], evidence: 'records' })).ok).toBe(true);
    expect(parseLab(text({ ...check, evidence: 'trust-me' })).ok).toBe(false);
  });
});
