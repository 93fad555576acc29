/** How serious a problem in a document is. */
export type Severity =
  /** AWS itself would refuse this configuration: the playground will not apply it, `trace` exits 2. */
  | 'error'
  /** AWS tolerates it and real exports contain it: the engine behaves as AWS would. */
  | 'warning';

/**
 * One problem found in a document: a stable code (for tests, docs and quick fixes), a JSON path
 * into the document (`$.RouteTables[0].Routes[2].VpcPeeringConnectionId`), and one sentence.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  path: string;
  message: string;
  /** The file the problem is in, when the document was merged from several files. */
  file?: string;
}

/** Builds a JSON path from keys and indexes: jsonPath(['Vpcs', 0, 'CidrBlock']) = "$.Vpcs[0].CidrBlock". */
export function jsonPath(parts: ReadonlyArray<string | number>): string {
  let out = '$';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p)) out += `.${p}`;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
