import { LATTICE_KINDS } from '../../route/latticeResourceTypes';
import { checkObjectMeta } from '../metadata';
import { defineRule } from '../types';

export default defineRule({
  code: 'LAT003',
  slug: 'invalid-metadata',
  kinds: LATTICE_KINDS,
  category: 'api-server',
  defaultSeverity: 'error',
  summary:
    'A Gateway API or Lattice resource has no name, a name that is not a DNS subdomain, a namespace that is not a DNS label, or a label or annotation key or value of invalid syntax.',
  why: 'The API server rejects the object. Names are lower-case letters, digits, `-` and `.` (at most 253 characters); namespaces the same without `.` (at most 63).',
  badExample:
    'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: Internal_Gateways\nspec:\n  controllerName: example.com/gateway-controller',
  goodExample:
    'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: internal-gateways\nspec:\n  controllerName: example.com/gateway-controller',
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  check(ctx) {
    checkObjectMeta(ctx, { namespaced: ctx.resource.scope === 'Namespaced' });
  },
});
