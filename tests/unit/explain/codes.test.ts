import { describe, expect, it } from 'vitest';
import { codeNote } from '../../../src/engine/explain/codes.ts';
import { EXPLANATION_CODES } from '../../../src/engine/labs/checks/explanation.ts';

/**
 * Reachability Analyzer's published codes among those the trace gives
 * (https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html, checked by hand).
 */
const ON_AWS_LIST = new Set([
  'NO_ROUTE_TO_DESTINATION', 'BAD_STATE_ROUTE', 'ENI_SG_RULES_MISMATCH', 'SUBNET_ACL_RESTRICTION',
  'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS',
  'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', 'PROTOCOL_RESTRICTION', 'UNSUPPORTED_COMPONENT', 'BAD_STATE',
]);

describe('explanation codes against Reachability Analyzer', () => {
  it('marks every code AWS does not have as VPC Lab\'s own, and no code AWS has', () => {
    for (const code of EXPLANATION_CODES) {
      const note = codeNote(code);
      if (ON_AWS_LIST.has(code)) expect(note?.label ?? null, code).not.toBe('VPC Lab code');
      else expect(note?.label, code).toBe('VPC Lab code');
    }
  });

  it('says where VPC Lab gives an AWS code another meaning', () => {
    expect(codeNote('UNSUPPORTED_COMPONENT')?.label).toBe('VPC Lab meaning');
    expect(codeNote('UNSUPPORTED_COMPONENT')?.note).toMatch(/does not model/);
    expect(codeNote('NO_ROUTE_TO_DESTINATION')).toBeNull();
  });
});
