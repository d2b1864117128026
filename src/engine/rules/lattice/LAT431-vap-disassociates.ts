import { asRecord } from '../../util/values';
import { defineRule } from '../types';
import { CONTROLLER_DOCS } from './common';
import { policy } from './examples';

const VAP = (associate: string) =>
  policy(
    'VpcAssociationPolicy',
    `  targetRef:\n    group: gateway.networking.k8s.io\n    kind: Gateway\n    name: my-hotel\n  associateWithVpc: ${associate}`,
    'my-hotel-association',
  );

export default defineRule({
  code: 'LAT431',
  slug: 'vap-disassociates',
  kinds: ['VpcAssociationPolicy'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary:
    'A VpcAssociationPolicy with `associateWithVpc: false` removes the cluster VPC from the service network.',
  why: 'With `false` the controller deletes the association between the cluster VPC and the Gateway’s service network: clients in the VPC (the cluster’s pods among them) can no longer resolve or reach any service of that network. That is what the field is for, but it is easy to set while only meaning to change the security groups.',
  badExample: VAP('false'),
  goodExample: VAP('true'),
  docs: `${CONTROLLER_DOCS}api-types/vpc-association-policy/`,
  check(ctx) {
    if (asRecord(ctx.value.spec).associateWithVpc !== false) return;
    ctx.report({
      path: ['spec', 'associateWithVpc'],
      bare: true,
      message: `associateWithVpc: false deletes the association of the cluster VPC with service network "${String(asRecord(asRecord(ctx.value.spec).targetRef).name)}": clients in the VPC lose access to every service of it`,
    });
  },
});
