/**
 * The start network of a lab must be one the playground accepts: the same validation Import
 * applies. Without it, a lab with a malformed CIDR starts, and the learner sees a network whose
 * canvas and diagnostics disagree (the canvas skips what it cannot draw). Only errors refuse the
 * lab; warnings (an unused group, say) are the lab's business.
 */
import { validateSnapshot } from '../validate/index.ts';
import type { LabError } from './issues.ts';

/** "$.Vpcs[0].CidrBlock" → "start.Vpcs[0].CidrBlock", the path as the lab file reads. */
export function startPath(diagnosticPath: string): string {
  return `start${diagnosticPath.replace(/^\$/, '')}`;
}

/** The errors of a lab's start network, each with its path in the lab file. */
export function startNetworkProblems(start: unknown): LabError[] {
  return validateSnapshot(start)
    .filter((d) => d.severity === 'error')
    .map((d) => ({ path: startPath(d.path), message: d.message }));
}
