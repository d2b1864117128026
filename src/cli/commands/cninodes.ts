// `eksnet cninodes`: the CNINode objects (one per node) and the features the VPC CNI delegated on each.

import { cniNodeRows, createClusterTools, listCniNodes, renderCniNodes } from '../../cluster';
import { EXIT_OK, UsageError, type CliCommand } from '../io';
import { CLUSTER_OPTIONS_HELP, cliLog, parseClusterArgs, printJson, reportFailure } from './clusterOptions';

const HELP = `Usage: eksnet cninodes [options]

Lists the CNINode objects (kubectl get cninode -A) with each node's features, such as
SecurityGroupsForPods once a trunk ENI is attached.

${CLUSTER_OPTIONS_HELP}`;

export const cninodesCommand: CliCommand = async (args, io) => {
  const options = parseClusterArgs(args, io);
  if (options.help) return (io.stdout(HELP), EXIT_OK);
  if (options.positional.length > 0) throw new UsageError(`unexpected argument "${options.positional[0]}"`);
  const tools = createClusterTools(options.settings, cliLog(io, options.verbose));
  try {
    const context = await tools.kubectl.contextInfo();
    const rows = cniNodeRows(await listCniNodes(tools.kubectl));
    if (options.format === 'json') printJson(io, { context: context.context, nodes: rows });
    else io.stdout(renderCniNodes(context.context, rows, 'text'));
    return EXIT_OK;
  } catch (error) {
    return reportFailure(io, 'cninodes', error);
  }
};
