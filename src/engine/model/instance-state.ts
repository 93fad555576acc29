/**
 * Instance states in which an instance's interfaces stay in their subnet (they keep their
 * private addresses and their Elastic IPs) but nothing runs to send or answer traffic.
 * A terminated instance is not here: its interfaces are gone, and naming one is bad input.
 */
import type { NEni } from './network.ts';

const NOT_RUNNING: ReadonlySet<string> = new Set(['stopped', 'stopping', 'shutting-down']);

/** Whether the interface belongs to an instance that is stopped (or stopping, or shutting down). */
export function instanceNotRunning(eni: NEni): boolean {
  return eni.instanceState !== null && NOT_RUNNING.has(eni.instanceState);
}
