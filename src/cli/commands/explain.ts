// `eksnet explain FILE`: the same plain-words explanation as the editor's "Explain Policy" view.

import { ManifestFile, Workspace } from '../../engine';
import { explainFile } from '../../engine/editing';
import { parseSettings, type RawSettings } from '../../shared/settings';
import { takeSettingsFlag, walkArgs } from '../args';
import { InputError, readInputFile } from '../inputs';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIO } from '../io';
import { escapeControls } from '../output/escape';

const HELP = `Usage: eksnet explain [options] [--] FILE

Explains in plain words what each resource in FILE does: for a NetworkPolicy which pods it
selects, what traffic is allowed and denied, and the EKS caveats; for a Gateway API route on
VPC Lattice which requests go to which backends, through which service network, under which
auth policy (the Gateway, Services and policies are read from FILE too).
"-" reads standard input; "--" ends the options.

Options:
  --target eks|generic         include EKS caveats (default eks)
  --cluster-ip-family ipv4|ipv6
  --lattice-gateway-class NAME a GatewayClass handled by the AWS Gateway API
                               Controller (VPC Lattice), besides those FILE shows

Exit status: 0 explained, 1 nothing to explain in FILE, 2 usage or I/O error.
`;

export async function explainCommand(args: string[], io: CliIO): Promise<number> {
  const raw: RawSettings & { rules: Record<string, unknown> } = { rules: {} };
  const files: string[] = [];
  let help = false;
  walkArgs(
    args,
    (flag, value) => {
      if (flag === '--help' || flag === '-h') help = true;
      else
        return takeSettingsFlag(flag, value, raw, [
          '--target',
          '--cluster-ip-family',
          '--lattice-gateway-class',
        ]);
      return true;
    },
    (file) => files.push(file),
    'eksnet explain --help',
  );
  if (help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (files.length !== 1) throw new UsageError('give exactly one FILE (or - for standard input)');
  const [file] = files;
  const { engine: settings, warnings } = parseSettings(raw, 'cli');
  for (const warning of warnings) io.stderr(`eksnet explain: warning: ${warning}\n`);
  let text: string;
  try {
    text =
      file === '-'
        ? await io.readStdin(settings.maxFileSizeMB)
        : readInputFile(file, io.cwd, settings.maxFileSizeMB);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message);
    throw error;
  }
  const manifest = new ManifestFile(settings);
  manifest.update(text);
  const workspace = new Workspace();
  workspace.setFile(file, manifest.getObjects());
  const explanations = explainFile(manifest, settings, workspace);
  if (explanations.length === 0) {
    io.stderr(
      `eksnet explain: nothing to explain in ${escapeControls(file)} (no NetworkPolicy, SecurityGroupPolicy, ENIConfig, Gateway API or Lattice resource).\n`,
    );
    return EXIT_FINDINGS;
  }
  io.stdout(explanations.map((explanation) => explanation.text).join('\n'));
  return EXIT_OK;
}
