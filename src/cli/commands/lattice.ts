// `eksnet lattice status`: read-only checks of VPC Lattice (AWS Gateway API Controller) on the cluster.

import { createClusterTools, readLatticeStatus, renderDoctor } from '../../cluster';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliCommand } from '../io';
import { CLUSTER_OPTIONS_HELP, cliLog, parseClusterArgs, printJson, reportFailure } from './clusterOptions';

const HELP = `Usage: eksnet lattice status [options]

Checks VPC Lattice on the cluster (read-only). With kubectl: the AWS Gateway API Controller
deployment and version, the Gateway API CRDs it needs at v1, each Lattice Gateway's Programmed
condition, each Lattice route's conditions and controller events, and each policy's Accepted
condition. With the aws CLI: each Gateway's service network (found, associated with the cluster
VPC, ACTIVE) and the Lattice managed prefix list in the node, cluster and pod security groups.

${CLUSTER_OPTIONS_HELP}
Exit status: 0 no problems, 1 problems found, 2 usage error.
`;

export const latticeCommand: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.stdout(HELP);
    return sub === undefined ? 2 : EXIT_OK;
  }
  if (sub !== 'status') throw new UsageError(`unknown subcommand "${sub}"; use "status"`);
  const options = parseClusterArgs(rest, io);
  if (options.help) return (io.stdout(HELP), EXIT_OK);
  if (options.positional.length > 0) throw new UsageError(`unexpected argument "${options.positional[0]}"`);
  const tools = createClusterTools(options.settings, cliLog(io, options.verbose));
  try {
    const report = await readLatticeStatus(tools.kubectl, tools.aws);
    if (options.format === 'json') printJson(io, report);
    else io.stdout(renderDoctor(report, 'text', 'Lattice Status'));
    return report.healthy ? EXIT_OK : EXIT_FINDINGS;
  } catch (error) {
    return reportFailure(io, 'lattice status', error);
  }
};
