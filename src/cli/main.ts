// `eksnet`: the command-line front door. Each subcommand lives in commands/ and returns its exit code.

import { readFileSync } from 'node:fs';
import { EXIT_USAGE, UsageError, type CliCommand, type CliIO } from './io';
import { lintCommand } from './commands/lint';
import { explainCommand } from './commands/explain';
import { cniCommand } from './commands/cni';
import { cninodesCommand } from './commands/cninodes';
import { prefixesCommand } from './commands/prefixes';
import { doctorCommand } from './commands/doctor';
import { latticeCommand } from './commands/lattice';
import { applyCommand, diffCommand } from './commands/apply';

const COMMANDS: Record<string, { run: CliCommand; summary: string }> = {
  lint: {
    run: lintCommand,
    summary: 'check manifests: eksnet lint [--format text|json|sarif] PATHS… (- for stdin)',
  },
  explain: {
    run: explainCommand,
    summary: 'say in plain words what each policy in FILE allows: eksnet explain FILE',
  },
  cni: {
    run: cniCommand,
    summary:
      'VPC CNI on the cluster: eksnet cni status | eksnet cni enable pod-eni|custom-networking|prefix-delegation',
  },
  cninodes: { run: cninodesCommand, summary: "each node's CNINode features (kubectl get cninode -A)" },
  prefixes: {
    run: prefixesCommand,
    summary: 'IP prefixes assigned to each node (aws ec2 describe-instances)',
  },
  doctor: { run: doctorCommand, summary: 'read-only checks of the cluster networking setup, with fixes' },
  lattice: {
    run: latticeCommand,
    summary:
      'VPC Lattice on the cluster: eksnet lattice status (controller, CRDs, Gateways, routes, policies)',
  },
  diff: { run: diffCommand, summary: 'what applying FILE would change in the cluster (kubectl diff)' },
  apply: { run: applyCommand, summary: 'apply FILE to the cluster: eksnet apply FILE [--dry-run] [--yes]' },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return `Usage: eksnet <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "eksnet <command> --help" for a command's options.\n`;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`eksnet: unknown command "${name}"; run "eksnet --help" for the list.\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`eksnet ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`eksnet ${name}: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
}

function version(): string {
  try {
    const manifest = JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8')) as { version?: string };
    return manifest.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () =>
      new Promise((resolve, reject) => {
        const parts: Buffer[] = [];
        process.stdin.on('data', (part: Buffer) => parts.push(part));
        process.stdin.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
        process.stdin.on('error', reject);
      }),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** Runs the CLI with the process's arguments and streams; sets the exit code. */
export function run(): void {
  main(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`eksnet: ${(error as Error).message}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

if (require.main === module) run();
