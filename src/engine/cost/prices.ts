/**
 * AWS list prices used by the cost estimate: us-east-1 (N. Virginia), in USD, as published on
 * the Amazon CloudWatch pricing page (aws.amazon.com/cloudwatch/pricing, "Logs" tab, "Vended
 * Logs") and the Amazon S3 pricing page (aws.amazon.com/s3/pricing, S3 Standard), figures as
 * listed in 2025. Re-checked in Nov 2026 without access to the live pages: the same tiers
 * ($0.50/$0.25/$0.10/$0.05 per GB to CloudWatch Logs, $0.25/$0.15/$0.075/$0.05 to S3, storage
 * $0.03 and $0.023 per GB-month) are in AWS's own cost-optimization sample
 * (github.com/aws-samples/sample-cfm-tips-mcp, CloudWatchLogsPricingCalculator). They change:
 * an estimate, never a quote. A GB is 2^30 bytes.
 */

/** A volume tier: price per GB up to `upToGB` (cumulative; Infinity for the last tier). */
export interface Tier { upToGB: number; usdPerGB: number }

/** When and where the figures below were taken from. */
export const PRICE_SOURCE = {
  region: 'us-east-1',
  asOf: '2025',
  pages: ['https://aws.amazon.com/cloudwatch/pricing/', 'https://aws.amazon.com/s3/pricing/'],
} as const;

const TB = 1024;

/** Vended logs (VPC Flow Logs) delivered to CloudWatch Logs: data ingestion, per GB per month. */
export const CWL_VENDED_INGESTION: readonly Tier[] = [
  { upToGB: 10 * TB, usdPerGB: 0.5 },
  { upToGB: 30 * TB, usdPerGB: 0.25 },
  { upToGB: 50 * TB, usdPerGB: 0.1 },
  { upToGB: Infinity, usdPerGB: 0.05 },
];

/** CloudWatch Logs storage (archival), per GB-month. */
export const CWL_STORAGE_PER_GB_MONTH = 0.03;

/** Vended logs delivered to Amazon S3: delivery, per GB per month. */
export const S3_VENDED_DELIVERY: readonly Tier[] = [
  { upToGB: 10 * TB, usdPerGB: 0.25 },
  { upToGB: 30 * TB, usdPerGB: 0.15 },
  { upToGB: 50 * TB, usdPerGB: 0.075 },
  { upToGB: Infinity, usdPerGB: 0.05 },
];

/** S3 Standard storage, first 50 TB, per GB-month. */
export const S3_STANDARD_PER_GB_MONTH = 0.023;

/** Bytes in a billed GB. */
export const GB = 2 ** 30;
/** Hours in a billing month, as AWS's calculators use. */
export const HOURS_PER_MONTH = 730;

/** The cost of `gb` GB in a month under tiered pricing. */
export function tiered(gb: number, tiers: readonly Tier[]): number {
  let cost = 0;
  let from = 0;
  for (const t of tiers) {
    if (gb <= from) break;
    cost += (Math.min(gb, t.upToGB) - from) * t.usdPerGB;
    from = t.upToGB;
  }
  return cost;
}
