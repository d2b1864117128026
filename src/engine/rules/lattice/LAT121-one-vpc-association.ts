import { asRecord } from '../../util/values';
import { describePlace } from '../../workspace/objects';
import { defineRule } from '../types';
import { boundObjects, CONTROLLER_DOCS } from './common';
import { file, policy } from './examples';

const VAP = (name: string, gateway: string) =>
  policy(
    'VpcAssociationPolicy',
    `  targetRef:\n    group: gateway.networking.k8s.io\n    kind: Gateway\n    name: ${gateway}\n  associateWithVpc: true`,
    name,
  );

/** The service network a VpcAssociationPolicy associates the cluster VPC with, if it does. */
function associatedNetwork(value: Record<string, unknown>): string | undefined {
  const spec = asRecord(value.spec);
  if (spec.associateWithVpc === false) return undefined;
  const name = asRecord(spec.targetRef).name;
  return typeof name === 'string' ? name : undefined;
}

export default defineRule({
  code: 'LAT121',
  slug: 'one-vpc-association',
  kinds: ['VpcAssociationPolicy'],
  category: 'aws-limit',
  defaultSeverity: 'warning',
  summary:
    'VpcAssociationPolicies associate the cluster VPC with two different service networks; a VPC can be associated with only one.',
  why: 'Each VpcAssociationPolicy associates the controller’s cluster VPC with the service network of its target Gateway. VPC Lattice allows one service network association per VPC: the second fails ("VPC has already been associated to a service network"), so clients in the VPC reach only one network. Use service network endpoints for the others.',
  badExample: file(VAP('my-hotel-association', 'my-hotel'), VAP('partners-association', 'partners')),
  goodExample: file(VAP('my-hotel-association', 'my-hotel')),
  docs: `${CONTROLLER_DOCS}api-types/vpc-association-policy/`,
  checkWorkspace(ctx) {
    const mine = boundObjects(ctx, ['VpcAssociationPolicy']);
    if (mine.length === 0) return;
    const all = mine[0].view.objects.filter(
      (object) =>
        object.resource?.kind === 'VpcAssociationPolicy' && associatedNetwork(object.value) !== undefined,
    );
    const first = all[0];
    if (!first) return;
    const network = associatedNetwork(first.value);
    for (const { object } of mine) {
      const own = associatedNetwork(object.value);
      if (own === undefined || own === network || object.value === first.value) continue;
      ctx.report(object, {
        path: ['spec', 'targetRef', 'name'],
        bare: true,
        message: `the cluster VPC is already associated with service network "${String(network)}" (${describePlace(first, object.file)}); a VPC takes one service network association, so associating it with "${own}" fails`,
      });
    }
  },
});
