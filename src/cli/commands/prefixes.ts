// `eksnet prefixes`: the IP prefixes EC2 assigned to each node of the cluster (prefix delegation).

import { isClusterError, readNodePrefixes, renderPrefixes, type ClusterTarget } from '../../cluster';
import { EXIT_OK, UsageError, type CliCommand } from '../io';
import { CLUSTER_OPTIONS_HELP, runClusterSession, parseClusterArgs, printJson } from './clusterOptions';

const HELP = `Usage: eksnet prefixes [options]

Lists the /28 (IPv4) and /80 (IPv6) prefixes on each running instance tagged
eks:cluster-name=CLUSTER, through "aws ec2 describe-instances". The cluster name and region come
from --cluster/--region or from the context's cluster ARN.

${CLUSTER_OPTIONS_HELP}`;

export const prefixesCommand: CliCommand = async (args, rawIO) => {
  const options = parseClusterArgs(args, rawIO);
  if (options.help) return (rawIO.stdout(HELP), EXIT_OK);
  if (options.positional.length > 0) throw new UsageError(`unexpected argument "${options.positional[0]}"`);
  return runClusterSession(options, rawIO, 'prefixes', async ({ tools, io, signal }) => {
    let context: ClusterTarget | undefined;
    // With --cluster the kubeconfig is not needed at all.
    if (!options.settings.clusterName) {
      try {
        context = await tools.kubectl.resolveTarget(signal);
      } catch (error) {
        if (!isClusterError(error)) throw error;
      }
    }
    const report = await readNodePrefixes(tools.aws, context, signal);
    if (options.format === 'json') printJson(io, report);
    else io.stdout(renderPrefixes(report, 'text'));
    return EXIT_OK;
  });
};
