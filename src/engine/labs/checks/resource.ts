/**
 * `resource`: a resource of the document has a property: a route to 10.2.0.0/16 via a peering
 * connection, a network ACL entry, a security group rule. Candidates are one resource (by id or
 * `name:`) or the items of a collection that match `where`; `path` leads into each one, and
 * `match` says what the value there must look like (for a list, some element must match).
 */
import { z } from 'zod';
import { matchEnv, matches } from '../match.ts';
import { COLLECTION_NAMES, collectionItems, type ResourceItem, COLLECTION_ID_FIELDS } from '../resources.ts';
import { describe as describeItem } from '../refs.ts';
import { parseSelector, valueAt } from '../selector.ts';
import { RefSchema } from '../traffic.ts';
import { COMMON_FIELDS, type CheckKind, fail, pass, shown } from './common.ts';

export const ResourceCheckSchema = z.strictObject({
  kind: z.literal('resource'),
  resource: RefSchema.describe('One resource: its id or "name:<Name tag>" (e.g. "name:vpc-1-public-rt").').optional(),
  collection: z.enum(COLLECTION_NAMES).describe('Or every item of a collection (a describe-* key, "Instances", or "IamRoles" for Playground.iamRoles), narrowed by `where`.').optional(),
  where: z.unknown().describe('A matcher that selects the items of `collection` to look at.').optional(),
  path: z.string().max(200).describe('Where to look inside the resource: "Routes", "Entries", "Status.Code", "IpPermissions[0].IpRanges". Empty: the resource itself.').optional(),
  match: z.unknown().describe('What the value must look like. A list value matches when some element matches. Absent: the value must exist.').optional(),
  expect: z.boolean().describe('true (default): some candidate matches; false: none does (e.g. a rule that must be gone).').optional(),
  ...COMMON_FIELDS,
}).refine((c) => c.resource !== undefined || c.collection !== undefined, { message: 'give "resource", "collection", or both' })
  .refine((c) => c.path === undefined || parseSelector(c.path).ok, { message: 'malformed path: write it like "Routes" or "Status.Code"', path: ['path'] })
  .describe('A resource has a property (a route, an entry, a state).');

export type ResourceCheck = z.input<typeof ResourceCheckSchema>;

const text = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'string' ? x.replace(/^name:/, '') : x));

export const resourceCheck: CheckKind<ResourceCheck> = {
  kind: 'resource',
  describe: (c) => `${c.resource ? shown(c.resource) : c.collection}${c.path ? ` ${c.path}` : ''} ${c.expect === false ? 'has no' : 'has'} ${c.match === undefined ? 'value' : text(c.match)}`,
  evaluate(c, ctx) {
    const env = matchEnv(ctx.resolver);
    let candidates: ResourceItem[];
    if (c.resource !== undefined) {
      const r = ctx.resolver.find(c.resource, c.collection ? [c.collection] : undefined);
      if (!r.ok) return c.expect === false && !c.resource.startsWith('name:') ? pass(`${c.resource} does not exist.`) : fail(`resource: ${r.error}.`);
      candidates = [r.value];
    } else {
      const col = c.collection!;
      candidates = collectionItems(ctx.doc, col)
        .filter((item) => c.where === undefined || matches(item, c.where, env))
        .map((item) => ({ collection: col, id: String(item[COLLECTION_ID_FIELDS[col]] ?? '?'), name: null, item }));
    }
    const sel = parseSelector(c.path ?? '');
    if (!sel.ok) return fail(`path: ${sel.error}.`);
    const hit = candidates.find((r) => {
      const v = valueAt(r.item, sel.segments);
      return c.match === undefined ? v !== undefined && v !== null : matches(v, c.match, env, String(sel.segments.at(-1) ?? ''));
    });
    if (env.errors.length > 0) return fail(`The check cannot be evaluated: ${env.errors.join('; ')}.`);
    const what = `${c.path ? `${c.path} ` : ''}${c.match === undefined ? '(any value)' : text(c.match)}`;
    const scope = candidates.length === 1 ? describeItem(candidates[0]) : `${candidates.length} ${c.collection ?? 'resources'}`;
    if (c.expect === false) return hit ? fail(`${describeItem(hit)} still has ${what}.`) : pass(`None of ${scope} has ${what}.`);
    if (hit) return pass(`${describeItem(hit)} has ${what}.`);
    if (candidates.length > 0) return fail(`${scope}: no ${what}.`);
    return fail(c.where === undefined ? `There are no ${c.collection} yet.` : `No item of ${c.collection} matches ${text(c.where)}.`);
  },
};
