/** Transient UI state: which dialog is open, the acting account (who "clicks" in AWS). */
export type DialogKind = 'vpc' | 'subnet' | 'instance' | 'igw' | 'nat' | 'peering' | 'route' | 'rule' | 'flowlog' | 'delete';

class UiState {
  dialog = $state<DialogKind | null>(null);
  /** The account the learner acts as: only the accepter account may accept a peering request. */
  actingAccount = $state<string | null>(null);
  /** Set while an editor holds text that is not applied (invalid JSON or an AWS error): the simulation uses the last valid state. */
  editorInvalid = $state<string | null>(null);
  /** A command the console should run (the Explain panel's "Run again"), with a counter so the same text runs twice. */
  runRequest = $state.raw<{ command: string; n: number } | null>(null);

  runInConsole(command: string): void {
    this.runRequest = { command, n: (this.runRequest?.n ?? 0) + 1 };
  }

  open(kind: DialogKind): void {
    this.dialog = kind;
  }

  close(): void {
    this.dialog = null;
  }
}

export const ui = new UiState();
