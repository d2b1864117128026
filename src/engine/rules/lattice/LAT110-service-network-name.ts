import { serviceNetworkNameProblems } from '../../model/latticeNames';
import { isPlaceholder } from '../../util/placeholders';
import { renderValue } from '../../util/strings';
import { defineRule } from '../types';
import { boundToLattice, metadataOf } from './common';
import { latticeGateway } from './examples';

export default defineRule({
  code: 'LAT110',
  slug: 'service-network-name',
  kinds: ['Gateway', 'ServiceNetwork'],
  category: 'aws-limit',
  defaultSeverity: 'error',
  summary:
    'The name of a Lattice Gateway or ServiceNetwork cannot be a VPC Lattice service network name (3–63 characters of `a-z`, `0-9` and `-`).',
  why: 'A Lattice Gateway stands for the service network with its name (or its `sn-` id): the controller looks the network up by that name. Kubernetes names may hold dots and be up to 253 characters; service network names may not, so no network can ever match, and the Gateway stays `Programmed=False` ("VPC Lattice Service Network not found"). A ServiceNetwork with such a name fails to create. Names also may not start or end with a hyphen, hold `--`, or start with `servicenetwork-`.',
  badExample: latticeGateway(undefined, 'payments.internal'),
  goodExample: latticeGateway(undefined, 'payments-internal'),
  docs: 'https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateServiceNetwork.html',
  check(ctx) {
    const { name } = metadataOf(ctx.value);
    if (name === undefined || isPlaceholder(name)) return;
    const problems = serviceNetworkNameProblems(name);
    if (problems.length === 0) return;
    const consequence =
      ctx.resource.kind === 'Gateway'
        ? 'no service network can have this name, so the Gateway stays Programmed=False ("VPC Lattice Service Network not found")'
        : 'VPC Lattice refuses to create the service network';
    ctx.report({
      path: ['metadata', 'name'],
      bare: true,
      message: `${renderValue(name)} is not a valid VPC Lattice service network name (it ${problems.join('; it ')}): ${consequence}`,
    });
  },
  holdsInWorkspace: boundToLattice,
});
