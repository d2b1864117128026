// `eksnet`: the command-line front door. Each subcommand lives in commands/ and returns its exit code.

import { productVersion } from '../shared/version';
import { displayName } from './output/escape';
import { EXIT_USAGE, processIO, UsageError, type CliCommand, type CliIO } from './io';
import { lintCommand } from './commands/lint';
import { explainCommand } from './commands/explain';
import { cniCommand } from './commands/cni';
import { cninodesCommand } from './commands/cninodes';
import { prefixesCommand } from './commands/prefixes';
import { doctorCommand } from './commands/doctor';
import { latticeCommand } from './commands/lattice';
import { applyCommand, diffCommand } from './commands/apply';
import { connectivityCommand } from './commands/connectivity';

const COMMANDS: Record<string, { run: CliCommand; summary: string }> = {
  lint: {
    run: lintCommand,
    summary: 'check manifests: eksnet lint [--format text|json|sarif] [--] PATHS… (- for stdin)',
  },
  connectivity: {
    run: connectivityCommand,
    summary:
      'what can talk to what: eksnet connectivity [--format txt|json|md|csv|dot] PATHS… | --diff OLD NEW | --from-cluster',
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
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(12)} ${command.summary}`);
  return `Usage: eksnet <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "eksnet <command> --help" for a command's options.\n`;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${productVersion()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`eksnet: unknown command ${displayName(name)}; run "eksnet --help" for the list.\n`);
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

/** Runs the CLI with the process's arguments and streams; sets the exit code. */
export function run(): void {
  main(process.argv.slice(2), processIO()).then(
    (code) => {
      // A failed write to stdout may already have set 2.
      process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
    },
    (error: unknown) => {
      process.stderr.write(`eksnet: ${(error as Error).message}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

if (require.main === module) run();
