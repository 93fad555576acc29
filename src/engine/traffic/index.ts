/**
 * Simulated traffic: minutes of web, probe, scan and east-west flows walked through the
 * learner's network, for Logs Insights, metric filters and cost estimates.
 *
 * ```ts
 * const { records } = generateTraffic(net, { seed: 42, start: clock, minutes: 10 });
 * ```
 */
export { createPrng, type Prng } from './prng.ts';
export { SCAN_PORTS, planFlows, type FlowKind, type PlannedFlow, type TrafficOptions } from './plan.ts';
export { generateTraffic, type GeneratedFlow, type GeneratedTraffic } from './generate.ts';
export { chattyPair, instanceActors, publicActors, type Actor } from './actors.ts';
