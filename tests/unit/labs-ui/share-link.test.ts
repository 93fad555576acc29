import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_DECODED, MAX_ENCODED, crc32, decodeShare, encodeShare, fromBase64Url, shareData, toBase64Url, type SharedState } from '../../../src/state/share-link.ts';

const lab = JSON.parse(readFileSync('static/labs/peering-and-flow-logs.json', 'utf8'));
const state: SharedState = {
  doc: { ...lab.start, Playground: { ...(lab.start.Playground ?? {}), positions: { 'vpc-036a18192e3d69859': { x: 10, y: 20 } } } },
  lab: { source: { kind: 'builtin', id: 'peering-and-flow-logs' }, step: 3, passed: { 'create-role#0': { sim: 1767225600, wall: 1700000000000 } } },
};

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
}
/** A link built by hand: checksum + deflated text, as encodeShare does. */
async function handmade(text: string, sum?: number): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const packed = await deflate(bytes);
  const out = new Uint8Array(4 + packed.length);
  new DataView(out.buffer).setUint32(0, sum ?? crc32(bytes));
  out.set(packed, 4);
  return `v1.${toBase64Url(out)}`;
}

describe('share links', () => {
  it('round-trips the document, positions and lab progress', async () => {
    const frag = await encodeShare(state);
    expect(frag).toMatch(/^share=v1\.[A-Za-z0-9_-]+$/);
    const data = shareData(`#${frag}`)!;
    const r = await decodeShare(data);
    expect(r).toEqual({ ok: true, state });
    expect(frag.length).toBeLessThan(12_000);
  });

  it('carries the learner\'s Logs Insights runs (the evidence of Insights steps), leaving damaged ones out', async () => {
    const run = { query: 'stats count(*) by srcAddr', groups: ['web-vpc-flow-logs'], files: [], columns: ['srcAddr', 'count(*)'], rows: [['10.0.1.10', 4]], rowCount: 1, step: 'query', at: { sim: 1767225660, wall: 1700000060000 } };
    const withRuns: SharedState = { ...state, lab: { ...state.lab!, runs: [run] } };
    const r = await decodeShare(shareData(`#${await encodeShare(withRuns)}`)!);
    expect(r).toEqual({ ok: true, state: withRuns });
    const damaged: SharedState = { ...state, lab: { ...state.lab!, runs: [run, { ...run, rowCount: -1 }] as never } };
    const d = await decodeShare(shareData(`#${await encodeShare(damaged)}`)!);
    expect(d.ok && d.state.lab?.runs).toEqual([run]);
    // A link from before runs were recorded has no runs at all (not an empty list).
    const old = await decodeShare(shareData(`#${await encodeShare(state)}`)!);
    expect(old.ok && old.state.lab && 'runs' in old.state.lab).toBe(false);
  });

  it('base64url round-trips every length', () => {
    for (let n = 0; n < 20; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(fromBase64Url(toBase64Url(b))).toEqual(b);
    }
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });

  it('rejects every single flipped byte with a clean error', async () => {
    const data = shareData(`#${await encodeShare(state)}`)!;
    const body = fromBase64Url(data.slice(3))!;
    for (let i = 0; i < body.length; i += Math.max(1, Math.floor(body.length / 300))) {
      const bad = body.slice();
      bad[i] ^= 0x41;
      const r = await decodeShare(`v1.${toBase64Url(bad)}`);
      expect(r.ok, `byte ${i}`).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/damaged|not valid|JSON/);
    }
  });

  it('rejects truncated links, bad characters and unknown versions', async () => {
    const data = shareData(`#${await encodeShare(state)}`)!;
    for (const cut of [5, 40, Math.floor(data.length / 2), data.length - 3]) {
      const r = await decodeShare(data.slice(0, cut));
      expect(r.ok).toBe(false);
    }
    expect(await decodeShare(`${data.slice(0, 30)}!${data.slice(31)}`)).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
    expect(await decodeShare('v2.abcd')).toMatchObject({ ok: false, error: expect.stringMatching(/unknown version/) });
    expect(shareData('#lab=x')).toBeNull();
  });

  it('enforces the encoded and decoded size limits', async () => {
    expect(await decodeShare(`v1.${'A'.repeat(MAX_ENCODED + 1)}`)).toMatchObject({ ok: false, error: expect.stringMatching(/too long/) });
    // A small link that inflates past the limit (a zip bomb) stops while inflating.
    const bomb = await handmade(`{"doc":{"x":"${' '.repeat(MAX_DECODED + 10)}"}}`);
    expect(bomb.length).toBeLessThan(MAX_ENCODED);
    expect(await decodeShare(bomb)).toMatchObject({ ok: false, error: expect.stringMatching(/more than 1.5 MB/) });
  });

  it('refuses content that is not a valid network or progress, even with a right checksum', async () => {
    expect(await decodeShare(await handmade('{"doc": [1]}'))).toMatchObject({ ok: false, error: expect.stringMatching(/not hold a VPC Lab network/) });
    expect(await decodeShare(await handmade('{"doc":{}, "__proto__": {"x":1}}'))).toMatchObject({ ok: false, error: expect.stringMatching(/forbidden/) });
    expect(await decodeShare(await handmade('not json'))).toMatchObject({ ok: false, error: expect.stringMatching(/valid JSON/) });
    const badVpc = { doc: { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/33' }] } };
    expect(await decodeShare(await handmade(JSON.stringify(badVpc)))).toMatchObject({ ok: false, error: expect.stringMatching(/not valid/) });
    const badLab = { doc: {}, lab: { source: { kind: 'url', url: 'javascript:alert(1)' }, step: 0, passed: {} } };
    expect(await decodeShare(await handmade(JSON.stringify(badLab)))).toMatchObject({ ok: false, error: expect.stringMatching(/lab progress/) });
    expect(await decodeShare(await handmade('{"doc":{}}', 12345))).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
  });
});
