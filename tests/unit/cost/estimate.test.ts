import { describe, expect, it } from 'vitest';
import { GB, cloudWatchCost, estimateCosts, flowLogVolumes, monthlyGB, s3Cost, tiered, CWL_VENDED_INGESTION, S3_VENDED_DELIVERY } from '../../../src/engine/cost/index.ts';

const rec = (id: string, action: 'ACCEPT' | 'REJECT', line = 'x'.repeat(99)) => ({ flowLogId: id, line, fields: { action } });

describe('cost', () => {
  it('uses the published us-east-1 vended-log tiers', () => {
    expect(tiered(1, CWL_VENDED_INGESTION)).toBeCloseTo(0.5);
    expect(tiered(1, S3_VENDED_DELIVERY)).toBeCloseTo(0.25);
    // 12 TB to CloudWatch Logs: 10 TB at $0.50 + 2 TB at $0.25.
    expect(tiered(12 * 1024, CWL_VENDED_INGESTION)).toBeCloseTo(10 * 1024 * 0.5 + 2 * 1024 * 0.25);
    expect(cloudWatchCost(100)).toEqual({ delivery: 50, storage: 3, total: 53 });
    expect(s3Cost(100, 0.1).total).toBeCloseTo(25 + 100 * 0.1 * 0.023);
  });

  it('counts bytes of record lines per flow log, split by action', () => {
    const v = flowLogVolumes([rec('fl-1', 'ACCEPT'), rec('fl-1', 'REJECT'), rec('fl-2', 'REJECT')]);
    expect(v).toEqual([
      { flowLogId: 'fl-1', records: 2, bytes: 200, acceptBytes: 100, rejectBytes: 100 },
      { flowLogId: 'fl-2', records: 1, bytes: 100, acceptBytes: 0, rejectBytes: 100 },
    ]);
  });

  it('extrapolates to a 730-hour month', () => {
    expect(monthlyGB(GB, 730 * 3600)).toBeCloseTo(1);
    const [e] = estimateCosts([rec('fl-1', 'ACCEPT'), rec('fl-1', 'REJECT')], 60);
    expect(e.monthlyGB).toBeCloseTo((200 / 60) * 730 * 3600 / GB);
    expect(e.s3.delivery).toBeCloseTo(e.cloudWatch.delivery / 2);
    expect(e.rejectOnlyCloudWatch).toBeCloseTo(e.cloudWatch.total / 2);
  });
});
