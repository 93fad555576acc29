import { describe, expect, it } from 'vitest';
import { LAB_FORMAT, labJsonSchema, parseLab, parseLabIndex, validateLab, type LabInput } from '../../../src/engine/labs/index.ts';

/** A small valid lab; tests break one thing at a time. */
function lab(over: Partial<LabInput> = {}): LabInput {
  return {
    format: LAB_FORMAT, id: 'tiny', title: 'Tiny', summary: 'A *tiny* lab.',
    start: { Vpcs: [{ VpcId: 'vpc-0a', CidrBlock: '10.0.0.0/16', Tags: [{ Key: 'Name', Value: 'main' }] }] },
    steps: [{ id: 'one', title: 'One', instructions: 'Add a **route**.', hints: ['Use `10.0.0.0/16`.'],
      checks: [{ kind: 'resource', resource: 'name:main', path: 'CidrBlock', match: '10.0.0.0/16' }],
      solution: [{ op: 'replace', path: '/Vpcs/0/Tags/0/Value', value: 'main' }] }],
    ...over,
  };
}
const parse = (v: unknown) => parseLab(JSON.stringify(v));
const errorsOf = (v: unknown) => {
  const r = typeof v === 'string' ? parseLab(v) : parse(v);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

describe('parseLab', () => {
  it('accepts a valid lab and applies defaults', () => {
    const r = parse(lab({ steps: [{ id: 'read', title: 'Read', instructions: 'Just read.' }] }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.lab.steps[0]).toMatchObject({ hints: [], checks: [] });
  });

  it('names an unknown check kind, with the expected kinds and a suggestion', () => {
    const bad = lab();
    (bad.steps[0].checks as unknown[])[0] = { kind: 'reachble', from: 'a', to: 'b' };
    const [e] = errorsOf(bad);
    expect(e.path).toBe('steps[0].checks[0].kind');
    expect(e.message).toMatch(/^unknown check kind "reachble" — expected one of reachable, explanation, /);
    expect(e.message).toContain('did you mean "reachable"?');
  });

  it('reports wrong types, missing and unknown fields with JSON paths', () => {
    const bad = { ...lab(), title: 42, minutes: 'ten', extra: true, steps: [{ id: 'one', title: 'One', instructions: 'x', checks: [{ kind: 'reachable', from: 'a', to: 'b', expct: false }] }] };
    delete (bad as Record<string, unknown>).summary;
    const errors = errorsOf(bad);
    expect(errors).toEqual(expect.arrayContaining([
      { path: 'title', message: 'expected a string, found the number 42' },
      { path: 'summary', message: '"summary" is required (a string)' },
      { path: 'minutes', message: 'expected a number, found the string "ten"' },
      { path: 'extra', message: 'unknown field "extra"' },
      { path: 'steps[0].checks[0].expct', message: 'unknown field "expct"' },
    ]));
  });

  it('reports a wrong format, a bad enum value and an unknown change op', () => {
    const bad = lab({ format: 'vpc-lab/lab@2' as typeof LAB_FORMAT, level: 'expert' as 'advanced' });
    (bad.steps[0].solution as unknown[]) = [{ op: 'move', from: '/a', path: '/b' }];
    const errors = errorsOf(bad);
    expect(errors.find((e) => e.path === 'format')?.message).toMatch(/^expected "vpc-lab\/lab@1", found the string "vpc-lab\/lab@2"/);
    expect(errors.find((e) => e.path === 'level')?.message).toMatch(/^expected one of "beginner", "intermediate", "advanced"/);
    expect(errors.find((e) => e.path === 'steps[0].solution[0].op')?.message).toMatch(/^unknown change op "move" — expected one of add, remove, replace, test/);
  });

  it('refuses a file over 2 MB before parsing it', () => {
    const huge = JSON.stringify({ ...lab(), summary: 'x'.repeat(3 * 1024 * 1024) });
    const errors = errorsOf(huge);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^the file is 3\.0 MB; a lab file may be at most 2\.0 MB$/);
  });

  it('counts UTF-8 bytes, not characters, against the limit', () => {
    const text = JSON.stringify({ ...lab(), summary: 'é'.repeat(1_100_000) });
    expect(text.length).toBeLessThan(2 * 1024 * 1024);
    expect(errorsOf(text)[0].message).toMatch(/may be at most 2\.0 MB/);
  });

  it('refuses __proto__ and constructor keys instead of polluting prototypes', () => {
    const text = JSON.stringify(lab()).replace('"title":"Tiny"', '"title":"Tiny","__proto__":{"polluted":true}')
      .replace('"op":"replace"', '"op":"replace","constructor":{"prototype":{"polluted":true}}');
    const errors = errorsOf(text);
    expect(errors.map((e) => e.path)).toEqual(['["__proto__"]', 'steps[0].solution[0]["constructor"]']);
    expect(errors[0].message).toMatch(/forbidden key "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports malformed JSON as one error for the whole file', () => {
    const errors = errorsOf('{\n  "format": "vpc-lab/lab@1",\n  "id": \n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: '', message: expect.stringMatching(/^malformed JSON at line \d+, column \d+/) });
  });

  it('refuses raw HTML and non-http links in any text field', () => {
    const bad = lab({ summary: 'Hello <script>alert(1)</script>' });
    bad.steps[0].instructions = 'Click [here](javascript:alert(1)).';
    bad.steps[0].hints = ['<img src=x onerror=alert(1)>'];
    (bad.steps[0].checks as { label?: string }[])[0].label = '<b>bold</b>';
    const errors = errorsOf(bad);
    expect(errors.map((e) => e.path)).toEqual(['summary', 'steps[0].instructions', 'steps[0].hints[0]', 'steps[0].checks[0].label']);
    expect(errors[0].message).toMatch(/raw HTML is not allowed in lab text \(found "<script>/);
    expect(errors[1].message).toBe('only http(s) links are allowed (found "javascript:alert(1")');
  });

  it('allows tags and any text inside code', () => {
    const ok = lab();
    ok.steps[0].instructions = 'Type `<script>` or:\n\n```html\n<iframe src="x"></iframe>\n```\n\nSee [the docs](https://docs.aws.amazon.com/vpc/).';
    expect(parse(ok).ok).toBe(true);
  });

  it('checks matchers, queries, flow-log fields, step ids and that solutions apply in order', () => {
    const bad = lab();
    bad.steps[0].checks = [
      { kind: 'resource', collection: 'Vpcs', match: { CidrBlock: { $startsWith: '10.' } } },
      { kind: 'insights-query', query: 'stats count(*) by', topRow: { x: 1 } },
      { kind: 'flow-log-exists', resource: 'name:main', fields: ['pkt-srcadr'] },
    ];
    bad.steps[0].solution = [{ op: 'remove', path: '/Subnets/0' }];
    bad.steps.push({ id: 'one', title: 'Again', instructions: '' });
    const dup = errorsOf(bad);
    expect(dup).toEqual([{ path: 'steps[1].id', message: 'the step id "one" is used twice: step ids must be unique' }]);
    bad.steps[1].id = 'two';
    const errors = errorsOf(bad);
    expect(errors.map((e) => e.path)).toEqual([
      'steps[0].checks[0].match.CidrBlock.$startsWith', 'steps[0].checks[1].query', 'steps[0].checks[2].fields[0]', 'steps[0].solution[0]',
    ]);
    expect(errors[0].message).toMatch(/unknown match operator "\$startsWith"/);
    expect(errors[1].message).toMatch(/^the query does not parse \(line 1, column \d+\)/);
    expect(errors[2].message).toBe('"pkt-srcadr" is not a flow-log field (did you mean "pkt-srcaddr"?)');
    expect(errors[3].message).toMatch(/the solution does not apply .*"\/Subnets" does not exist/);
  });

  it('caps traffic counts so a hostile lab cannot stall the engine', () => {
    const bad = lab();
    bad.steps[0].traffic = [{ from: 'a', to: 'b', count: 1_000_000_000 }];
    expect(errorsOf(bad)).toEqual([{ path: 'steps[0].traffic[0].count', message: 'must be at most 100 (found 1000000000)' }]);
  });

  it('refuses deeply nested files without overflowing the stack', () => {
    const errors = errorsOf('['.repeat(400_000) + ']'.repeat(400_000));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: '', message: expect.stringMatching(/nest/) });
    const deep = lab();
    deep.steps[0].checks = [{ kind: 'resource', collection: 'Vpcs', match: JSON.parse('{"a":'.repeat(100) + '1' + '}'.repeat(100)) }];
    expect(errorsOf(deep)[0].message).toBe('the file nests more than 64 levels deep; a lab file may nest at most 64 levels');
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, '', '[]', 'null', '"text"', '{"steps": 5}', '{'.repeat(10000)]) {
      const r = parseLab(input);
      expect(r.ok).toBe(false);
    }
    expect(validateLab([])).toMatchObject({ ok: false });
  });
});

describe('labJsonSchema', () => {
  it('describes lab files for the editor, with every check kind and descriptions', () => {
    const schema = labJsonSchema();
    const text = JSON.stringify(schema);
    for (const kind of ['reachable', 'explanation', 'flow-log-exists', 'flow-log-record', 'resource', 'peering-state', 'insights-query']) expect(text).toContain(`"const":"${kind}"`);
    expect(text).toContain('name:<Name tag>');
    expect((schema.properties as Record<string, { description?: string }>).start.description).toBe('The snapshot the lab starts from.');
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('parseLabIndex', () => {
  it('reads the list of built-in labs and rejects a malformed one', () => {
    expect(parseLabIndex(JSON.stringify({ format: 'vpc-lab/lab-index@1', labs: [{ id: 'a', file: 'a.json', title: 'A', summary: '', steps: 4 }] })).ok).toBe(true);
    const r = parseLabIndex(JSON.stringify({ format: 'vpc-lab/lab-index@1', labs: [{ id: 'a', file: '../etc/passwd', title: 'A', summary: '', steps: 4 }] }));
    expect(r.ok).toBe(false);
  });
});
