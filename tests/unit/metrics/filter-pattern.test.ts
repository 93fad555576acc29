import { describe, expect, it } from 'vitest';
import { matchEvent, parseFilterPattern, type FilterPattern } from '../../../src/engine/metrics/index.ts';

const SSH = '[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]';
const line = (dport: number, action: string, bytes = 60) => `2 123456789012 eni-0a 203.0.113.7 10.1.0.10 51234 ${dport} 6 1 ${bytes} 1767225600 1767225660 ${action} OK`;

function pattern(text: string): FilterPattern {
  const p = parseFilterPattern(text);
  if (!p.ok) throw new Error(p.error.message);
  return p.pattern;
}

describe('parseFilterPattern / matchEvent: space-delimited', () => {
  it('matches rejected SSH and nothing else (the AWS flow-log example)', () => {
    const p = pattern(SSH);
    expect(matchEvent(p, line(22, 'REJECT'))).not.toBeNull();
    expect(matchEvent(p, line(22, 'ACCEPT'))).toBeNull();
    expect(matchEvent(p, line(3389, 'REJECT'))).toBeNull();
    expect(matchEvent(p, line(22, 'REJECT'))?.bytes).toBe('60');
  });

  it('needs one token per field unless ... is used', () => {
    expect(matchEvent(pattern('[a, b]'), 'x y z')).toBeNull();
    expect(matchEvent(pattern('[..., action="REJECT", status]'), line(80, 'REJECT'))).not.toBeNull();
    expect(matchEvent(pattern('[version, ..., status]'), line(80, 'REJECT'))).not.toBeNull();
  });

  it('compares numbers, wildcards, regexes and && / ||', () => {
    const base = '[v, a, e, s, d, sp, dp, proto, packets, bytes, ws, we, action, st]';
    const with_ = (f: string, cond: string) => base.replace(` ${f},`, ` ${f} ${cond},`);
    expect(matchEvent(pattern(with_('bytes', '> 100')), line(22, 'REJECT', 500))).not.toBeNull();
    expect(matchEvent(pattern(with_('bytes', '> 100')), line(22, 'REJECT', 50))).toBeNull();
    expect(matchEvent(pattern(with_('dp', '= 22 || dp = 3389')), line(3389, 'REJECT'))).not.toBeNull();
    expect(matchEvent(pattern(with_('dp', '>= 1000 && dp < 4000')), line(3389, 'REJECT'))).not.toBeNull();
    expect(matchEvent(pattern(with_('dp', '>= 1000 && dp < 4000')), line(22, 'REJECT'))).toBeNull();
    expect(matchEvent(pattern(with_('s', '= 203.0.113.*')), line(22, 'REJECT'))).not.toBeNull();
    expect(matchEvent(pattern(with_('s', '!= "10.*"')), line(22, 'REJECT'))).not.toBeNull();
    expect(matchEvent(pattern(with_('e', '= %^eni-0[a-f]$%')), line(22, 'REJECT'))).not.toBeNull();
  });

  it('term patterns and the empty pattern', () => {
    expect(matchEvent(pattern(''), 'anything')).toEqual({});
    expect(matchEvent(pattern('REJECT'), line(22, 'REJECT'))).not.toBeNull();
    expect(matchEvent(pattern('"REJECT OK"'), line(22, 'REJECT'))).not.toBeNull();
    expect(matchEvent(pattern('REJECT -203.0.113.7'), line(22, 'REJECT'))).toBeNull();
    expect(matchEvent(pattern('?ACCEPT ?REJECT'), line(22, 'REJECT'))).not.toBeNull();
  });
});

describe('parseFilterPattern: malformed patterns give clear, positioned errors', () => {
  const bad: [string, RegExp][] = [
    ['[a, b', /expected "\]" at the end/],
    ['[a, b=]', /expected a value after "="/],
    ['[a, = 1]', /expected a field name or "\.\.\." for field 2/],
    ['[a, a]', /used twice/],
    ['[a < "x"]', /compares numbers/],
    ['[a = "x]', /unterminated string/],
    ['[a = %[%]', /not a valid regular expression/],
    ['[a b]', /expected "," or "\]" after field 1/],
    ['[a] junk', /unexpected text after "\]"/],
    ['[a = 1 || b = 2]', /"b" is not a field of this pattern/],
    ['{ $.x = 1 }', /space-delimited/],
    ['"REJECT', /unterminated quoted term/],
  ];
  it.each(bad)('%s', (text, message) => {
    const p = parseFilterPattern(text);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.error.message).toMatch(message);
      expect(p.error.offset).toBeGreaterThanOrEqual(0);
    }
  });
  it('points at the offending character', () => {
    const p = parseFilterPattern('[a, b c]');
    expect(p.ok ? -1 : p.error.offset).toBe(6);
  });
});
