/**
 * `resource`: a resource of the document has a property: a route to 10.2.0.0/16 via a peering
 * connection, a network ACL entry, a security group rule. Candidates are one resource (by id or
 * `name:`) or the items of a collection that match `where`; `path` leads into each one, and
 * `match` says what the value there must look like (for a list, some element must match).
 */
import { z } from 'zod';
import { matchEnv, matches } from '../match.ts';
import { COLLECTION_NAMES, collectionItems, type ResourceItem, COLLECTION_ID_FIELDS } from '../resources.ts';
import { KIND_WORDS, countOf, describe as describeItem } from '../refs.ts';
import { none, resourceMatchPhrase, some, valueText } from '../match-text.ts';
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

const article = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
const whereText = (w: unknown) => (w === undefined ? '' : ` with ${valueText(w)}`);

/** The default label: "private-rt has a route 0.0.0.0/0 → a NAT gateway (nat-…)", "no NAT gateway with … has …". */
function describeCheck(c: ResourceCheck): string {
  const p = resourceMatchPhrase(c.path ?? '', c.match);
  if (c.resource) return `${shown(c.resource)} has ${c.expect === false ? none(p) : some(p)}`;
  const kind = `${KIND_WORDS[c.collection!]}${whereText(c.where)}`;
  return c.expect === false ? `no ${kind} has ${some(p)}` : `${article(kind)} has ${some(p)}`;
}

export const resourceCheck: CheckKind<ResourceCheck> = {
  kind: 'resource',
  describe: describeCheck,
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
    const what = resourceMatchPhrase(c.path ?? '', c.match);
    const scope = candidates.length === 1 ? describeItem(candidates[0]) : countOf(candidates.length, c.collection ?? candidates[0]?.collection ?? 'Vpcs');
    if (c.expect === false) return hit ? fail(`${describeItem(hit)} still has ${some(what)}.`) : pass(candidates.length === 1 ? `${scope} has ${none(what)}.` : `None of ${scope} has ${some(what)}.`);
    if (hit) return pass(`${describeItem(hit)} has ${some(what)}.`);
    if (candidates.length > 0) return fail(`${scope}: ${none(what)}.`);
    return fail(`There is no ${KIND_WORDS[c.collection!]}${whereText(c.where)} yet.`);
  },
};
