import { asList, asRecord } from '../../util/values';
import { defineRule } from '../types';
import { policy } from './examples';

const MAX_GROUPS = 5;
const VAP = (count: number) =>
  policy(
    'VpcAssociationPolicy',
    `  targetRef:\n    group: gateway.networking.k8s.io\n    kind: Gateway\n    name: my-hotel\n  securityGroupIds:\n${Array.from({ length: count }, (_, i) => `    - sg-0a1b2c3d4e5f6789${i}`).join('\n')}`,
    'my-hotel-association',
  );

export default defineRule({
  code: 'LAT430',
  slug: 'vap-security-groups',
  kinds: ['VpcAssociationPolicy'],
  category: 'aws-limit',
  defaultSeverity: 'error',
  summary:
    'A VpcAssociationPolicy lists more than 5 security groups; a service network VPC association takes at most 5.',
  why: 'The security groups of a service network’s VPC association filter which clients in the VPC may send traffic to the network. VPC Lattice allows 5 per association (a fixed quota), so the association cannot be created or updated with more.',
  badExample: VAP(6),
  goodExample: VAP(5),
  docs: 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/quotas.html',
  check(ctx) {
    const groups = asList(asRecord(ctx.value.spec).securityGroupIds);
    if (groups.length <= MAX_GROUPS) return;
    ctx.report({
      path: ['spec', 'securityGroupIds', MAX_GROUPS],
      bare: true,
      message: `${groups.length} security groups: a VPC Lattice service network association takes at most ${MAX_GROUPS}, so it cannot be created or updated`,
    });
  },
});
