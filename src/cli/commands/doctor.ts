// `eksnet doctor`: every read-only networking check in one report, with the command that fixes each problem.

import { renderDoctor, runDoctor } from '../../cluster';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliCommand } from '../io';
import {
  CLUSTER_OPTIONS_HELP,
  clusterSession,
  parseClusterArgs,
  printJson,
  reportFailure,
} from './clusterOptions';

const HELP = `Usage: eksnet doctor [options]

Checks the VPC CNI configuration of the cluster (read-only): aws-node, IP family, prefix delegation
targets, security groups for pods, custom networking ENIConfigs, network policy enforcement and,
when the aws CLI works, node prefixes. Each problem comes with the command that fixes it.

${CLUSTER_OPTIONS_HELP}
Exit status: 0 no problems, 1 problems found, 2 usage error.
`;

export const doctorCommand: CliCommand = async (args, rawIO) => {
  const options = parseClusterArgs(args, rawIO);
  if (options.help) return (rawIO.stdout(HELP), EXIT_OK);
  if (options.positional.length > 0) throw new UsageError(`unexpected argument "${options.positional[0]}"`);
  const { tools, io } = clusterSession(options, rawIO);
  try {
    const report = await runDoctor(tools.kubectl, tools.aws);
    if (options.format === 'json') printJson(io, report);
    else io.stdout(renderDoctor(report, 'text'));
    return report.healthy ? EXIT_OK : EXIT_FINDINGS;
  } catch (error) {
    return reportFailure(io, 'doctor', error);
  }
};
