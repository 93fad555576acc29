// Golden results for every sample query over the fixed record set. UPDATE_SNAPSHOTS=1 rewrites
// tests/golden/insights/samples.json; FILTER=text runs only samples whose name contains it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAMPLE_QUERIES, buildStore, runQuery } from '../../../src/engine/insights/index.ts';
import { fixtureRecords } from './fixtures.ts';

const goldenPath = join(dirname(fileURLToPath(import.meta.url)), '../../golden/insights/samples.json');
const update = process.env.UPDATE_SNAPSHOTS === '1';
const only = process.env.FILTER ?? '';

describe('sample queries', () => {
  const store = buildStore(fixtureRecords());
  const results = Object.fromEntries(SAMPLE_QUERIES.map((s) => {
    const r = runQuery(store, s.query);
    return [s.name, r.ok ? { query: s.query, columns: r.columns, rows: r.rows } : { query: s.query, error: r.error }];
  }));

  if (update) {
    mkdirSync(dirname(goldenPath), { recursive: true });
    // One row per line: arrays of plain values are kept on a single line.
    const text = JSON.stringify(results, null, 2).replace(/\[\n\s+([^[\]{}]*?)\n\s+\]/g, (_m, inner: string) => `[${inner.split(/,\n\s+/).join(', ')}]`);
    writeFileSync(goldenPath, `${text}\n`);
  }
  const golden = existsSync(goldenPath) ? (JSON.parse(readFileSync(goldenPath, 'utf8')) as Record<string, unknown>) : {};

  it('includes the console\'s flow-log samples, word for word', () => {
    const byName = Object.fromEntries(SAMPLE_QUERIES.map((s) => [s.name, s.query.replace(/\s*\n\s*/g, ' ')]));
    expect(byName['Top 10 byte transfers by source and destination IP addresses']).toBe('stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc | limit 10');
    expect(byName['Top 20 source IP addresses with highest number of rejected requests']).toBe('filter action="REJECT" | stats count(*) as numRejections by srcAddr | sort numRejections desc | limit 20');
    expect(byName['Find the IP addresses where flow records were skipped during the capture window']).toBe('filter logStatus="SKIPDATA" | stats count(*) by bin(1h) as t | sort t');
    expect(byName['Find the IP addresses that use UDP as a data transfer protocol']).toBe('filter protocol=17 | stats count(*) by srcAddr');
    expect(byName['Average, min, and max byte transfers by source and destination IP addresses']).toBe('stats avg(bytes), min(bytes), max(bytes) by srcAddr, dstAddr');
  });

  for (const s of SAMPLE_QUERIES.filter((x) => x.name.includes(only))) {
    it(s.name, () => {
      const r = results[s.name] as { rows?: unknown[]; error?: unknown };
      expect(r.error).toBeUndefined();
      expect(r.rows?.length ?? 0).toBeGreaterThan(0);
      expect(r).toEqual(golden[s.name]);
    });
  }
});
