import type { Expr, Period } from './ast.ts';
import type { CompileContext, Compiled } from './compiled.ts';
import { fail } from './errors.ts';
import { inSubnet, parseSubnet, type Subnet } from './ip-match.ts';
import { ceilTime, floorTime } from './periods.ts';
import { bool, toNumber, toText } from './values.ts';

type Call = Extract<Expr, { type: 'call' }>;
type CompileFn = (e: Expr, ctx: CompileContext) => Compiled;

/** A compiled `bin(period)`: exposes its period so group keys can bucket without a getter. */
export interface BinCompiled extends Compiled {
  bin: { period: Period; timestamp: Compiled };
}

/**
 * Functions that need more than evaluated arguments: `bin` reads `@timestamp` implicitly,
 * `datefloor`/`dateceil` take a period, the subnet tests parse their CIDR once when it is a literal.
 * Returns undefined for ordinary functions.
 */
export function compileSpecialCall(e: Call, ctx: CompileContext, compile: CompileFn): Compiled | undefined {
  switch (e.name) {
    case 'bin': {
      const period = (e.args[0] as Extract<Expr, { type: 'period' }>).period;
      const ts = ctx.resolve('@timestamp', e);
      const g = ts.get;
      const out: BinCompiled = {
        get: (i) => { const t = toNumber(g(i)); return t === null ? null : floorTime(t, period); },
        time: true,
        bin: { period, timestamp: ts },
      };
      return out;
    }
    case 'datefloor':
    case 'dateceil': {
      const arg = compile(e.args[0], ctx);
      const period = (e.args[1] as Extract<Expr, { type: 'period' }>).period;
      const round = e.name === 'datefloor' ? floorTime : ceilTime;
      const g = arg.get;
      return { get: (i) => { const t = toNumber(g(i)); return t === null ? null : round(t, period); }, time: true };
    }
    case 'isipv4insubnet':
    case 'isipv6insubnet':
    case 'isipinsubnet':
      return compileSubnetTest(e, ctx, compile);
    default:
      return undefined;
  }
}

function compileSubnetTest(e: Call, ctx: CompileContext, compile: CompileFn): Compiled {
  const family = e.name === 'isipv4insubnet' ? 'v4' : e.name === 'isipv6insubnet' ? 'v6' : 'any';
  const addr = compile(e.args[0], ctx).get;
  const cidr = compile(e.args[1], ctx);
  const fits = (s: Subnet | null): s is Subnet => s !== null && (family === 'any' || s.v6 === (family === 'v6'));
  if (cidr.constant) {
    const text = toText(cidr.constant.value);
    const subnet = text === null ? null : parseSubnet(text);
    if (!fits(subnet)) {
      const example = family === 'v6' ? '"2001:db8::/32"' : '"192.0.2.0/24"';
      const arg = e.args[1];
      fail('invalid-literal', `${e.name.replace('insubnet', 'InSubnet').replace('isip', 'isIp')}() needs a CIDR block such as ${example}`, arg.offset, arg.length);
    }
    return { get: (i) => { const a = addr(i); return bool(typeof a === 'string' && inSubnet(a, subnet)); }, time: false };
  }
  const c = cidr.get;
  return {
    get: (i) => {
      const a = addr(i);
      const t = toText(c(i));
      const s = t === null ? null : parseSubnet(t);
      return bool(typeof a === 'string' && fits(s) && inSubnet(a, s));
    },
    time: false,
  };
}
