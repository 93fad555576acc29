/**
 * What the schema cannot say about a lab: text that would carry markup, a start network the
 * playground would refuse to import, matchers with unknown operators, queries that do not parse,
 * format fields AWS does not define, and solutions that do not apply to the state the previous
 * steps leave.
 */
import { FIELD_SPECS } from '../flowlog/index.ts';
import { parseQuery } from '../insights/index.ts';
import type { Snapshot } from '../model/schema.ts';
import { applyChanges } from './changes.ts';
import type { Check } from './checks/index.ts';
import { type LabError, didYouMean, pathText } from './issues.ts';
import { markupProblems } from './markdown.ts';
import { matcherProblems } from './match.ts';
import type { Lab } from './schema.ts';
import { startNetworkProblems } from './start-network.ts';

type Path = (string | number)[];
const FIELD_NAMES: string[] = FIELD_SPECS.map(([n]) => n);

function text(errors: LabError[], path: Path, value: string | undefined): void {
  const problem = value === undefined ? null : markupProblems(value);
  if (problem) errors.push({ path: pathText(path), message: problem });
}

function matcher(errors: LabError[], path: Path, value: unknown): void {
  for (const p of matcherProblems(value)) errors.push({ path: pathText([...path, ...p.path]), message: p.message });
}

function check(errors: LabError[], at: Path, c: Check): void {
  text(errors, [...at, 'label'], c.label);
  switch (c.kind) {
    case 'resource':
      matcher(errors, [...at, 'where'], c.where);
      matcher(errors, [...at, 'match'], c.match);
      break;
    case 'flow-log-record':
      matcher(errors, [...at, 'match'], c.match);
      break;
    case 'insights-query': {
      matcher(errors, [...at, 'topRow'], c.topRow);
      const q = parseQuery(c.query);
      if (!q.ok) errors.push({ path: pathText([...at, 'query']), message: `the query does not parse (line ${q.error.line}, column ${q.error.column}): ${q.error.message}` });
      break;
    }
    case 'flow-log-exists':
      (c.fields ?? []).forEach((f, k) => {
        if (!FIELD_NAMES.includes(f)) errors.push({ path: pathText([...at, 'fields', k]), message: `"${f}" is not a flow-log field${didYouMean(f, FIELD_NAMES)}` });
      });
      break;
    default:
      break;
  }
}

/** Problems a valid-shaped lab still has; empty when it is sound. */
export function labProblems(lab: Lab): LabError[] {
  const errors: LabError[] = [];
  text(errors, ['title'], lab.title);
  text(errors, ['summary'], lab.summary);
  errors.push(...startNetworkProblems(lab.start));
  let doc: Snapshot = lab.start as Snapshot;
  lab.steps.forEach((step, i) => {
    text(errors, ['steps', i, 'title'], step.title);
    text(errors, ['steps', i, 'instructions'], step.instructions);
    step.hints.forEach((h, k) => text(errors, ['steps', i, 'hints', k], h));
    step.checks.forEach((c, k) => check(errors, ['steps', i, 'checks', k], c));
    if (step.solution) {
      const r = applyChanges(doc, step.solution);
      if (r.ok) doc = r.doc;
      else errors.push({ path: pathText(['steps', i, 'solution', r.index]), message: `the solution does not apply after the previous steps' solutions: ${r.error}` });
    }
  });
  return errors;
}
