import { traceCommand } from './trace-command.ts';

const USAGE = `usage: vpc-lab trace --snapshot PATH --from SRC --to DST [--protocol icmp|tcp|udp|N] [--port N]
                     [--source-port N] [--count N] [--flow-logs snapshot|all] [--start UNIX_SECONDS]`;

/** The `vpc-lab` command: returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = { stdout: (t: string) => void process.stdout.write(t), stderr: (t: string) => void process.stderr.write(t) };
  if (command === 'trace') return traceCommand(rest, io);
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  io.stderr(command ? `vpc-lab: unknown command "${command}"\n${USAGE}\n` : `${USAGE}\n`);
  return 2;
}
