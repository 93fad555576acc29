import type { Command, Expr } from './ast.ts';
import { fail } from './errors.ts';

/** Calls `visit` on every node of an expression, parents first. */
export function walkExpr(e: Expr, visit: (e: Expr, insideAggregate: boolean) => void, inside = false): void {
  visit(e, inside);
  const nested = inside || (e.type === 'call' && e.aggregate);
  switch (e.type) {
    case 'unary': walkExpr(e.arg, visit, nested); break;
    case 'binary': walkExpr(e.left, visit, nested); walkExpr(e.right, visit, nested); break;
    case 'in': walkExpr(e.arg, visit, nested); e.list.forEach((x) => walkExpr(x, visit, nested)); break;
    case 'like': walkExpr(e.arg, visit, nested); walkExpr(e.pattern, visit, nested); break;
    case 'call': e.args.forEach((x) => walkExpr(x, visit, nested)); break;
    default: break;
  }
}

/** Fails on the first aggregate call in an expression where none is allowed. */
function noAggregates(e: Expr, where: string): void {
  walkExpr(e, (x) => {
    if (x.type === 'call' && x.aggregate) fail('misplaced-aggregate', `${x.name}() is an aggregate: use it in stats, not in ${where} (name it with "as" in stats and use that name)`, x.nameSpan.offset, x.nameSpan.length);
  });
}

/**
 * The pipeline rules CloudWatch enforces: at most two `stats`; with two, `sort` and `limit`
 * only after the second; after `dedup` only `limit`; aggregates only in `stats`, not nested.
 */
export function checkPipeline(commands: Command[]): void {
  const statsAt = commands.flatMap((c, i) => (c.kind === 'stats' ? [i] : []));
  if (statsAt.length > 2) {
    const third = commands[statsAt[2]];
    fail('invalid-pipeline', 'a query can have at most two stats commands', third.offset, 5);
  }
  commands.forEach((c, i) => {
    if (statsAt.length === 2 && (c.kind === 'sort' || c.kind === 'limit') && i < statsAt[1]) {
      fail('invalid-pipeline', `with two stats commands, ${c.kind} must come after the second stats`, c.offset, c.kind.length);
    }
    const dedupAt = commands.findIndex((d) => d.kind === 'dedup');
    if (dedupAt >= 0 && i > dedupAt && c.kind !== 'limit') {
      fail('invalid-pipeline', `only limit may follow dedup, not ${c.kind}`, c.offset, c.kind.length);
    }
    checkAggregates(c);
  });
}

function checkAggregates(c: Command): void {
  switch (c.kind) {
    case 'fields': case 'display': c.items.forEach((it) => noAggregates(it.expr, c.kind)); break;
    case 'filter': noAggregates(c.expr, 'filter'); break;
    case 'sort': c.keys.forEach((k) => noAggregates(k.expr, 'sort')); break;
    case 'parse': noAggregates(c.source, 'parse'); break;
    case 'stats':
      c.by.forEach((b) => noAggregates(b.expr, 'stats ... by'));
      for (const it of c.items) {
        walkExpr(it.expr, (x, inside) => {
          if (x.type === 'call' && x.aggregate && inside) fail('misplaced-aggregate', `${x.name}() cannot be nested inside another aggregate`, x.nameSpan.offset, x.nameSpan.length);
        });
      }
      break;
    default: break;
  }
}
