// `eksnet explain FILE`: the same plain-words explanation as the editor's "Explain Policy" view.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ManifestFile, withDefaults, type EngineSettings } from '../../engine';
import { explainFile } from '../../engine/editing';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIO } from '../io';

const HELP = `Usage: eksnet explain [options] FILE

Explains in plain words what each NetworkPolicy, SecurityGroupPolicy and ENIConfig in FILE
does: which pods it selects, what traffic is allowed and denied, and the EKS caveats.
"-" reads standard input.

Options:
  --target eks|generic         include EKS caveats (default eks)
  --cluster-ip-family ipv4|ipv6

Exit status: 0 explained, 1 nothing to explain in FILE, 2 usage or I/O error.
`;

export async function explainCommand(args: string[], io: CliIO): Promise<number> {
  const settings: Partial<EngineSettings> = {};
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--help' || flag === '-h') {
      io.stdout(HELP);
      return EXIT_OK;
    } else if (flag === '--target') {
      const target = value();
      if (target !== 'eks' && target !== 'generic')
        throw new UsageError(`--target must be eks or generic, not "${target}"`);
      settings.target = target;
    } else if (flag === '--cluster-ip-family') {
      const family = value();
      if (family !== 'ipv4' && family !== 'ipv6')
        throw new UsageError(`--cluster-ip-family must be ipv4 or ipv6, not "${family}"`);
      settings.clusterIpFamily = family;
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option ${flag}; run "eksnet explain --help"`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) throw new UsageError('give exactly one FILE (or - for standard input)');
  const [file] = files;
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const engineSettings = withDefaults(settings);
  const manifest = new ManifestFile(engineSettings);
  manifest.update(text);
  const explanations = explainFile(manifest, engineSettings);
  if (explanations.length === 0) {
    io.stderr(`eksnet explain: no NetworkPolicy, SecurityGroupPolicy or ENIConfig found in ${file}.\n`);
    return EXIT_FINDINGS;
  }
  io.stdout(explanations.map((explanation) => explanation.text).join('\n'));
  return EXIT_OK;
}
