/**
 * The completion report a learner hands in: one self-contained HTML file with the lab, the
 * learner's name, every check with when it first passed (simulated and wall-clock time) and the
 * engine's sentence on it, the Logs Insights queries the learner ran (the evidence of the query
 * checks), a picture of the final network and the final snapshot (also machine-readable in a
 * JSON block). All lab text is escaped; nothing in the report runs.
 */
import { escapeHtml, type Lab, type LabProgress, type QueryRun, type Snapshot } from '../engine/index.ts';
import { networkSvg } from '../ui/labs/network-svg.ts';
import { checkKey, type PassTimes } from '../ui/labs/progress.ts';

export interface ReportInput {
  lab: Lab;
  learner: string;
  progress: LabProgress;
  passed: PassTimes;
  doc: Snapshot;
  /** The Logs Insights queries the learner ran during the lab. */
  runs?: readonly QueryRun[];
  /** Wall-clock milliseconds when the report was made. */
  now: number;
}

const esc = escapeHtml;
const simTime = (s: number) => new Date(s * 1000).toISOString().replace('T', ' ').replace(/\.000Z$/, ' UTC (simulated)');
const wallTime = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Inside <script type="application/json">, "<" must not appear, or "</script>" would end the block. */
const jsonBlock = (v: unknown) => JSON.stringify(v, null, 1).replace(/</g, '\\u003c');

export function reportFileName(lab: Lab, learner: string): string {
  const who = learner.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'learner';
  return `${lab.id}-report-${who}.html`;
}

export function reportData(r: ReportInput) {
  const steps = r.lab.steps.map((s, i) => ({
    id: s.id,
    title: s.title,
    complete: r.progress.steps[i]?.complete ?? false,
    checks: s.checks.map((_, k) => {
      const st = r.progress.steps[i]?.checks[k];
      return { label: st?.label ?? '', passed: st?.passed ?? false, detail: st?.detail ?? '', firstPassed: r.passed[checkKey(s.id, k)] ?? null };
    }),
  }));
  const total = steps.reduce((n, s) => n + s.checks.length, 0);
  const ok = steps.reduce((n, s) => n + s.checks.filter((c) => c.passed).length, 0);
  const stepTitle = new Map(r.lab.steps.map((s, i) => [s.id, `Step ${i + 1}: ${s.title}`]));
  const queries = (r.runs ?? []).map((q) => ({
    query: q.query, logGroups: q.groups, importedFiles: q.files, step: stepTitle.get(q.step) ?? q.step,
    rowCount: q.rowCount, columns: q.columns, topRow: q.rows[0] ?? null, at: q.at,
  }));
  return { format: 'vpc-lab/report@1', lab: { id: r.lab.id, title: r.lab.title }, learner: r.learner, generatedAt: new Date(r.now).toISOString(), done: r.progress.done, checksPassed: ok, checksTotal: total, steps, queries };
}

type ReportQuery = ReturnType<typeof reportData>['queries'][number];

function queryHtml(q: ReportQuery): string {
  const top = q.topRow ? q.columns.map((c, i) => `${c}=${q.topRow![i] ?? '-'}`).join(', ') : 'no rows';
  const files = q.importedFiles.length ? ` + imported ${q.importedFiles.join(', ')}` : '';
  return `<li><pre>${esc(q.query)}</pre><small>${esc(q.logGroups.join(', ') || 'no log group')}${esc(files)} · ${q.rowCount} row(s), top row: ${esc(top)} · during ${esc(q.step)} · ${esc(wallTime(q.at.wall))} · ${esc(simTime(q.at.sim))}</small></li>`;
}

export function buildReportHtml(r: ReportInput): string {
  const data = reportData(r);
  const stepsHtml = data.steps.map((s, i) => `<section class="step ${s.complete ? 'ok' : ''}">
<h3>${s.complete ? '✔' : '○'} Step ${i + 1}: ${esc(s.title)}</h3>
${s.checks.length === 0 ? '<p class="muted">Reading step (no checks).</p>' : `<ul>${s.checks.map((c) => `<li class="${c.passed ? 'ok' : 'no'}"><span class="mark">${c.passed ? '✔' : '✘'}</span> ${esc(c.label)}${c.detail ? `<br><small>${esc(c.detail)}</small>` : ''}${c.firstPassed ? `<br><small>first passed ${esc(wallTime(c.firstPassed.wall))} · ${esc(simTime(c.firstPassed.sim))}</small>` : ''}</li>`).join('')}</ul>`}
</section>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(r.lab.title)} — ${esc(r.learner)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;color:#0f1b2a;max-width:960px;margin:32px auto;padding:0 20px}h1{margin-bottom:0}.muted,small{color:#5f6b7a}.summary{display:flex;gap:24px;flex-wrap:wrap;background:#f3f8ff;border:1px solid #c6dcf5;border-radius:10px;padding:12px 16px;margin:16px 0}.summary b{display:block;font-size:20px}.step{border-left:4px solid #d5dbe3;padding:2px 14px;margin:12px 0}.step.ok{border-color:#1d8102}.step h3{margin:6px 0;font-size:16px}ul{list-style:none;padding:0}li{margin:6px 0}li.ok .mark{color:#1d8102}li.no .mark{color:#d91515}.picture{overflow:auto;border:1px solid #d5dbe3;border-radius:10px;padding:8px}pre{background:#f4f6f8;padding:12px;border-radius:8px;overflow:auto;max-height:480px;font-size:12px}.queries pre{margin:4px 0;padding:6px 10px;white-space:pre-wrap}</style>
</head><body>
<h1>${esc(r.lab.title)}</h1>
<p class="muted">VPC Lab completion report</p>
<div class="summary"><div>Learner<b>${esc(r.learner)}</b></div><div>Checks passed<b>${data.checksPassed} / ${data.checksTotal}</b></div><div>Lab complete<b>${data.done ? 'Yes' : 'Not yet'}</b></div><div>Report made<b>${esc(wallTime(r.now))}</b></div></div>
<h2>Steps</h2>
${stepsHtml}
<h2>Logs Insights queries run</h2>
${data.queries.length ? `<ol class="queries">${data.queries.map(queryHtml).join('\n')}</ol>` : '<p class="muted">None.</p>'}
<h2>Final network</h2>
<div class="picture">${networkSvg(r.doc)}</div>
<h2>Final snapshot</h2>
<details><summary>Show the document (JSON)</summary><pre>${esc(JSON.stringify(r.doc, null, 2))}</pre></details>
<script type="application/json" id="vpc-lab-report">${jsonBlock({ ...data, snapshot: r.doc })}</script>
</body></html>
`;
}
