import { describePlace } from '../../workspace/objects';
import { defineRule } from '../types';
import { boundObjects, CONTROLLER_DOCS } from './common';
import { file, latticeGateway } from './examples';

export default defineRule({
  code: 'LAT122',
  slug: 'gateway-name-shared',
  kinds: ['Gateway'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary:
    'Two Lattice Gateways in different namespaces have the same name: both stand for one service network.',
  why: 'A Lattice Gateway is mapped to the service network with its name; the namespace plays no part. Gateways called `my-hotel` in two namespaces share one service network, its VPC associations and its auth policy. That can be deliberate (one network, Gateways per team); if not, give them different names.',
  badExample: file(latticeGateway(), latticeGateway().replace('namespace: hotel', 'namespace: partners')),
  goodExample: file(
    latticeGateway(),
    latticeGateway(undefined, 'my-hotel-partners').replace('namespace: hotel', 'namespace: partners'),
  ),
  docs: `${CONTROLLER_DOCS}api-types/gateway/`,
  checkWorkspace(ctx) {
    for (const { object, view } of boundObjects(ctx, ['Gateway'])) {
      const other = view.latticeGateways.find(
        (gateway) =>
          gateway.value !== object.value &&
          gateway.name === object.name &&
          gateway.namespace !== undefined &&
          object.namespace !== undefined &&
          gateway.namespace !== object.namespace,
      );
      if (!other) continue;
      ctx.report(object, {
        path: ['metadata', 'name'],
        bare: true,
        message: `the Lattice Gateway "${String(object.name)}" in namespace "${String(other.namespace)}" (${describePlace(other, object.file)}) stands for the same service network: namespaces are not part of the mapping`,
      });
    }
  },
});
