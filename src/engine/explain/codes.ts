/**
 * Where VPC Lab's explanation codes part from Reachability Analyzer's published list
 * (https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html): a learner who
 * looks a code up there should not be sent looking for one that does not exist, or read AWS's
 * meaning into ours.
 */
import type { ExplanationCode } from '../walk/types.ts';

/** What sets a code apart from Reachability Analyzer's list, in one sentence for a tooltip. */
export interface CodeNote {
  /** The short label shown beside the code. */
  label: string;
  note: string;
}

const NOTES: Partial<Record<ExplanationCode, CodeNote>> = {
  NO_ENI_AT_DESTINATION: {
    label: 'VPC Lab code',
    note: 'Reachability Analyzer has no code of this name: VPC Lab uses it when no network interface holds the destination address.',
  },
  ASYMMETRIC_RETURN_PATH: {
    label: 'VPC Lab code',
    note: 'Reachability Analyzer has no code of this name: VPC Lab uses it when the reply leaves through a NAT gateway that rewrites it, so the client cannot match it to its request.',
  },
  UNSUPPORTED_COMPONENT: {
    label: 'VPC Lab meaning',
    note: 'In Reachability Analyzer this code marks a component it cannot analyse; in VPC Lab it marks one the simulator does not model (transit gateways, virtual private gateways, endpoints, appliances), which AWS may well carry traffic through.',
  },
};

/** The note for a code that Reachability Analyzer does not have, or uses with another meaning; null for the others. */
export function codeNote(code: ExplanationCode): CodeNote | null {
  return NOTES[code] ?? null;
}
