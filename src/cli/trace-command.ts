import { compileNetwork, loadSnapshotFiles, type Diagnostic } from '../engine/index.ts';
import { validateSnapshot } from '../engine/validate/index.ts';
import { traceProbe, type TraceResult } from '../engine/walk/index.ts';
import { parseTraceArgs, UsageError } from './args.ts';
import { readSnapshotFiles } from './read-snapshot.ts';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The contract's output: explanation fields in its order, without the UI's fix actions. */
export function contractJson(result: TraceResult): string {
  const explanations = result.explanations.map((e) => ({ code: e.code, path: e.path, direction: e.direction, component: e.component, message: e.message, ...(e.fix ? { fix: e.fix } : {}) }));
  return `${JSON.stringify({ ...result, explanations }, null, 2)}\n`;
}

function where(d: Diagnostic): string {
  return d.file ? `${d.file}: ${d.path}` : d.path;
}

/**
 * `vpc-lab trace`: exit 0 with the result on stdout whether or not the traffic gets through;
 * exit 2 with one line on stderr (naming the file, JSON path or option) on bad input.
 */
export async function traceCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const bad = (message: string) => {
    io.stderr(`vpc-lab trace: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  };
  let args;
  try {
    args = parseTraceArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return bad(e.message);
    throw e;
  }
  let files;
  try {
    files = await readSnapshotFiles(args.snapshot);
  } catch (e) {
    return bad((e as Error).message);
  }
  const loaded = loadSnapshotFiles(files);
  const loadError = loaded.diagnostics.find((d) => d.severity === 'error');
  if (loadError || !loaded.snapshot) return bad(loadError ? loadError.message : `${args.snapshot}: no snapshot could be read`);
  const diagnostics = [...loaded.diagnostics, ...validateSnapshot(loaded.snapshot)];
  const error = diagnostics.find((d) => d.severity === 'error');
  if (error) return bad(`${args.snapshot}: ${where(error)}: ${error.message}`);
  const net = compileNetwork(loaded.snapshot);
  const outcome = traceProbe(net, args, diagnostics);
  if (!outcome.ok) return bad(`${outcome.option}: ${outcome.error}`);
  io.stdout(contractJson(outcome.details.result));
  return 0;
}
