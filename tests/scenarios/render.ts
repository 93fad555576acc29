import type { TraceResult } from '../../src/engine/index.ts';

/** A trace as readable text for golden files: one line per hop, then the explanations. */
export function renderTrace(r: TraceResult): string {
  const out: string[] = [`reachable: ${r.reachable}`, `forward: ${r.forward.delivered ? 'delivered' : 'not delivered'}`];
  r.forward.hops.forEach((h, i) => out.push(`  ${i + 1}. ${h.kind} ${h.component} ${h.action}: ${h.detail}`));
  if (r.return) {
    out.push(`return: ${r.return.delivered ? 'delivered' : 'not delivered'}`);
    r.return.hops.forEach((h, i) => out.push(`  ${i + 1}. ${h.kind} ${h.component} ${h.action}: ${h.detail}`));
  } else out.push('return: none');
  if (r.explanations.length) out.push('explanations:');
  for (const e of r.explanations) {
    out.push(`  - ${e.code} (${e.path}${e.direction ? `, ${e.direction}` : ''}) at ${e.component}: ${e.message}`);
    if (e.fix) out.push(`    fix: ${e.fix}`);
  }
  for (const w of r.warnings) out.push(`warning ${w.code} ${w.path}: ${w.message}`);
  return `${out.join('\n')}\n`;
}

export function renderFlowLogs(r: TraceResult): string {
  return r.flowLogs.map((f) => `${f.flowLogId} ${f.logGroup ?? '-'} | ${f.line}`).join('\n') + (r.flowLogs.length ? '\n' : '');
}
