// `eksnet doctor`: every read-only networking check in one report, with the command that fixes each problem.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { countNetworkPoliciesIn, renderDoctor, runDoctor } from '../../cluster';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliCommand } from '../io';
import { CLUSTER_OPTIONS_HELP, runClusterSession, parseClusterArgs, printJson } from './clusterOptions';

const HELP = `Usage: eksnet doctor [PATH…] [options]

Checks the VPC CNI configuration of the cluster (read-only): aws-node, IP family, prefix delegation
targets, security groups for pods, custom networking ENIConfigs, network policy enforcement and,
when the aws CLI works, node prefixes. Each problem comes with the command that fixes it.
PATHs (manifest files or folders) are searched for NetworkPolicies: with enforcement off, having
some is a warning.

${CLUSTER_OPTIONS_HELP}
Exit status: 0 no problems, 1 problems found, 2 usage error.
`;

export const doctorCommand: CliCommand = async (args, rawIO) => {
  const options = parseClusterArgs(args, rawIO);
  if (options.help) return (rawIO.stdout(HELP), EXIT_OK);
  const paths = options.positional.map((path) => resolve(rawIO.cwd, path));
  const missing = options.positional.find((_path, index) => !existsSync(paths[index]));
  if (missing !== undefined) throw new UsageError(`cannot read ${missing}: no such file or folder`);
  const workspaceNetworkPolicies = paths.length > 0 ? countNetworkPoliciesIn(paths) : undefined;
  return runClusterSession(options, rawIO, 'doctor', async ({ tools, io, signal }) => {
    const report = await runDoctor(tools.kubectl, tools.aws, { workspaceNetworkPolicies, signal });
    if (options.format === 'json') printJson(io, report);
    else io.stdout(renderDoctor(report, 'text'));
    return report.healthy ? EXIT_OK : EXIT_FINDINGS;
  });
};
