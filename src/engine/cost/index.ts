/**
 * Flow-log cost estimates at AWS's published us-east-1 list prices for vended logs (see
 * prices.ts for the figures, their source and date).
 *
 * ```ts
 * const rows = estimateCosts(records, seconds);   // per flow log: bytes, GB/month, CloudWatch vs S3
 * ```
 */
export { CWL_STORAGE_PER_GB_MONTH, CWL_VENDED_INGESTION, GB, HOURS_PER_MONTH, PRICE_SOURCE, S3_STANDARD_PER_GB_MONTH, S3_VENDED_DELIVERY, tiered, type Tier } from './prices.ts';
export { cloudWatchCost, estimateCosts, flowLogVolumes, monthlyGB, s3Cost, type DestinationCost, type FlowLogEstimate, type FlowLogVolume, type RecordLike } from './estimate.ts';
