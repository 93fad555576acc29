/**
 * Instance states in which an instance's interfaces stay in their subnet (they keep their
 * private addresses and their Elastic IPs) but nothing runs to send or answer traffic.
 * A terminated instance is not here: its interfaces are gone, and naming one is bad input.
 */
import type { NEni } from './network.ts';

const NOT_RUNNING: ReadonlySet<string> = new Set(['stopped', 'stopping', 'shutting-down']);

/** Whether an instance state (`State.Name`) is one in which nothing sends or answers. */
export function notRunningState(state: string | null | undefined): boolean {
  return typeof state === 'string' && NOT_RUNNING.has(state);
}

/** Whether the interface belongs to an instance that is stopped (or stopping, or shutting down). */
export function instanceNotRunning(eni: NEni): boolean {
  return notRunningState(eni.instanceState);
}
