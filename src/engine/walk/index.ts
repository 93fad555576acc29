export * from './types.ts';
export * from './probe.ts';
export { traceProbe, type TraceResult, type TraceDetails, type TraceOutcome } from './trace.ts';
export { resolveEndpoint, type Endpoint } from './endpoints.ts';
export { INTERNET_HOST } from './internet.ts';
export { packetSchedule, type PacketSpec } from './exchange.ts';
