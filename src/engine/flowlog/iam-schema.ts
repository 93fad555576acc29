/**
 * IAM roles as the playground stores them: the shape `aws iam get-role` prints, with the
 * role's inline policies (`aws iam get-role-policy`) under `Policies`. Policy documents are
 * AWS JSON (Version / Statement / Effect / Principal / Action / Resource / Condition); a
 * document may also be given as JSON text, URL-encoded or not, as the IAM API returns it.
 */
import { z } from 'zod';

const stringOrList = z.union([z.string(), z.array(z.string())]);

/** A principal: "*" or `{ Service | AWS | Federated | CanonicalUser: string | string[] }`. */
export const PrincipalSchema = z.union([
  z.literal('*'),
  z.looseObject({ Service: stringOrList.optional(), AWS: stringOrList.optional(), Federated: stringOrList.optional(), CanonicalUser: stringOrList.optional() }),
]);

/** One policy statement. */
export const StatementSchema = z.looseObject({
  Sid: z.string().optional(),
  Effect: z.enum(['Allow', 'Deny']).describe('Allow or Deny; an explicit Deny wins over any Allow.'),
  Principal: PrincipalSchema.optional(),
  NotPrincipal: PrincipalSchema.optional(),
  Action: stringOrList.describe('Actions such as "logs:PutLogEvents"; wildcards like "logs:*" work.').optional(),
  NotAction: stringOrList.optional(),
  Resource: stringOrList.optional(),
  NotResource: stringOrList.optional(),
  Condition: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean(), z.number()]))).optional(),
});

/** A policy document: `{ Version, Statement }` (one statement or a list). */
export const PolicyDocumentSchema = z.looseObject({
  Version: z.string().optional(),
  Statement: z.union([StatementSchema, z.array(StatementSchema)]),
});

/** A policy document, also accepted as (URL-encoded) JSON text as the IAM API returns it. */
export const PolicyDocumentInputSchema = z.preprocess((v) => (typeof v === 'string' ? decodeDocument(v) : v), PolicyDocumentSchema);

/** An IAM role with its inline policies. */
export const IamRoleSchema = z.looseObject({
  RoleName: z.string(),
  Arn: z.string().describe('arn:aws:iam::ACCOUNT:role/NAME, the value a flow log\'s DeliverLogsPermissionArn names.'),
  AssumeRolePolicyDocument: PolicyDocumentInputSchema.describe('The trust policy: who may assume the role.'),
  Policies: z.array(z.looseObject({ PolicyName: z.string(), PolicyDocument: PolicyDocumentInputSchema })).optional(),
}).describe('An IAM role, as `aws iam get-role` prints it, with its inline policies.');

export type IamRole = z.infer<typeof IamRoleSchema>;
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;
export type Statement = z.infer<typeof StatementSchema>;
export type Principal = z.infer<typeof PrincipalSchema>;

function decodeDocument(text: string): unknown {
  for (const candidate of [text, safeDecode(text)]) {
    if (candidate === null) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next form
    }
  }
  return text;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
