import { describe, expect, it } from 'vitest';
import { escapeHtml, markupProblems, renderMarkdown } from '../../../src/engine/labs/index.ts';

describe('renderMarkdown', () => {
  it('renders the Markdown lab text uses', () => {
    const html = renderMarkdown([
      '## Routes', '', 'A **peering** is *not* a `route`:', 'it needs one on each side.', '',
      '- vpc-1: `10.2.0.0/16 → pcx-…`', '- vpc-2: the other way,', '  wrapped here', '',
      '3. third', '4. fourth', '', '> Only `active` peerings carry traffic.', '', '---', '',
      '```json', '{"a": "<b>"}', '```', '', 'See [the guide](https://docs.aws.amazon.com/vpc/latest/peering/).',
    ].join('\n'));
    expect(html).toBe([
      '<h2>Routes</h2>',
      '<p>A <strong>peering</strong> is <em>not</em> a <code>route</code>: it needs one on each side.</p>',
      '<ul><li>vpc-1: <code>10.2.0.0/16 → pcx-…</code></li><li>vpc-2: the other way, wrapped here</li></ul>',
      '<ol start="3"><li>third</li><li>fourth</li></ol>',
      '<blockquote><p>Only <code>active</code> peerings carry traffic.</p></blockquote>',
      '<hr>',
      '<pre><code class="language-json">{&quot;a&quot;: &quot;&lt;b&gt;&quot;}</code></pre>',
      '<p>See <a href="https://docs.aws.amazon.com/vpc/latest/peering/" rel="noopener noreferrer" target="_blank">the guide</a>.</p>',
    ].join('\n'));
  });

  it('drops the optional closing #s of a heading, not a final # of a word', () => {
    expect(renderMarkdown('## Routes ##\n# C#')).toBe('<h2>Routes</h2>\n<h1>C#</h1>');
  });

  it('leaves snake_case, lone stars and escaped characters alone', () => {
    expect(renderMarkdown('log_group_name and 2 * 3 * 4, \\*literal\\*')).toBe('<p>log_group_name and 2 * 3 * 4, *literal*</p>');
  });

  const attacks: [string, string][] = [
    ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['<img src=x onerror="alert(1)">', '<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>'],
    ['[click](javascript:alert(1))', '<p>[click](javascript:alert(1))</p>'],
    ['[click](javascript:alert)', '<p>click</p>'],
    ['[click](JAVASCRIPT:alert)', '<p>click</p>'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', '<p>x</p>'],
    ['[x](vbscript:msgbox)', '<p>x</p>'],
    ['[x](//evil.example/)', '<p>x</p>'],
    ['[x](https://a.example/"onmouseover="alert(1))', '<p>[x](https://a.example/&quot;onmouseover=&quot;alert(1))</p>'],
    ['[<img src=x>](https://ok.example/)', '<p><a href="https://ok.example/" rel="noopener noreferrer" target="_blank">&lt;img src=x&gt;</a></p>'],
    ['**<b>bold</b>**', '<p><strong>&lt;b&gt;bold&lt;/b&gt;</strong></p>'],
    ['`</code><script>x</script>`', '<p><code>&lt;/code&gt;&lt;script&gt;x&lt;/script&gt;</code></p>'],
    ['```"><script>\nx\n```', '<pre><code>x</code></pre>'],
    ['``` js onload=alert(1)\nx', '<pre><code>x</code></pre>'],
    ['# <svg onload=alert(1)>', '<h1>&lt;svg onload=alert(1)&gt;</h1>'],
    ["it's & <that>", '<p>it&#39;s &amp; &lt;that&gt;</p>'],
  ];
  it.each(attacks)('escapes %j', (input, expected) => {
    expect(renderMarkdown(input)).toBe(expected);
  });

  it('never emits a tag it did not write', () => {
    const allowed = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'blockquote', 'hr']);
    const nasty = attacks.map(([a]) => a).join('\n\n') + '\n\n' + '> '.repeat(50) + '<x>' + '\n' + '*'.repeat(5000) + '`'.repeat(3000) + '[['.repeat(500);
    const html = renderMarkdown(nasty);
    for (const m of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
      expect(allowed.has(m[1]), m[0]).toBe(true);
      for (const attr of m[2].matchAll(/([a-z-]+)="([^"]*)"/g)) {
        expect(['href', 'rel', 'target', 'class', 'start'], m[0]).toContain(attr[1]);
        if (attr[1] === 'href') expect(attr[2]).toMatch(/^https?:\/\//);
      }
    }
  });

  const hostile: Record<string, string> = {
    'closing #s': '# ' + ' #'.repeat(10000) + 'x',
    'trailing spaces': '# a' + ' '.repeat(20000) + 'x',
    'a long rule': '-' + ' -'.repeat(10000) + 'x',
    'unmatched backticks': '``' + '`x'.repeat(10000),
    'unclosed fences': '```\n'.repeat(5000),
    'links': '](javascript:'.repeat(2000) + '[a](b'.repeat(2000),
    'strong openers': '**a'.repeat(7000),
    'underscores': '_a_'.repeat(7000) + '__',
    'nested quotes': '> '.repeat(10000) + 'x',
    'tags': '<a'.repeat(10000),
    'mixed': '*a _b `c [d'.repeat(4000),
  };
  it.each(Object.entries(hostile))('stays fast on hostile input: %s', (_name, input) => {
    const t0 = performance.now();
    renderMarkdown(input);
    markupProblems(input);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('escapeHtml escapes the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
