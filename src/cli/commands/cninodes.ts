// `eksnet cninodes`: the CNINode objects (one per node) and the features the VPC CNI delegated on each.

import { readCniNodes, renderCniNodes } from '../../cluster';
import { EXIT_OK, UsageError, type CliCommand } from '../io';
import { CLUSTER_OPTIONS_HELP, runClusterSession, parseClusterArgs, printJson } from './clusterOptions';

const HELP = `Usage: eksnet cninodes [options]

Lists the CNINode objects (kubectl get cninode -A) with each node's features, such as
SecurityGroupsForPods once a trunk ENI is attached.

${CLUSTER_OPTIONS_HELP}`;

export const cninodesCommand: CliCommand = async (args, rawIO) => {
  const options = parseClusterArgs(args, rawIO);
  if (options.help) return (rawIO.stdout(HELP), EXIT_OK);
  if (options.positional.length > 0) throw new UsageError(`unexpected argument "${options.positional[0]}"`);
  return runClusterSession(options, rawIO, 'cninodes', async ({ tools, io, signal }) => {
    const { target, rows } = await readCniNodes(tools.kubectl, signal);
    if (options.format === 'json') printJson(io, { context: target.context, nodes: rows });
    else io.stdout(renderCniNodes(target.context, rows, 'text'));
    return EXIT_OK;
  });
};
