import { asRecord } from '../../util/values';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS } from './common';
import { latticeGateway } from './examples';

const IGNORED: Record<string, string> = {
  addresses:
    'VPC Lattice gives each route its own DNS name; a Gateway has no address to request, and this list is ignored',
  infrastructure:
    'the Lattice controller creates no infrastructure per Gateway (the service network already exists), so labels, annotations and parametersRef here are ignored',
};

export default defineRule({
  code: 'LAT117',
  slug: 'ignored-gateway-fields',
  kinds: ['Gateway'],
  category: 'controller',
  defaultSeverity: 'warning',
  summary:
    'A Lattice Gateway sets `spec.addresses` or `spec.infrastructure`, which the Lattice controller ignores.',
  why: 'A Lattice Gateway is a handle on an existing service network, not a load balancer: clients reach each route at the DNS name Lattice generates for its service (or its custom domain). Requested addresses and infrastructure settings have no effect, and `status.addresses` shows one route’s Lattice name rather than an entry point.',
  badExample: `${latticeGateway()}\n  addresses:\n    - type: IPAddress\n      value: 10.0.0.10`,
  goodExample: latticeGateway(),
  docs: `${CONTROLLER_DOCS}api-types/gateway/`,
  check(ctx) {
    const spec = asRecord(ctx.value.spec);
    for (const [field, effect] of Object.entries(IGNORED)) {
      if (spec[field] === undefined) continue;
      ctx.report({ path: ['spec', field], target: 'key', bare: true, message: `spec.${field}: ${effect}` });
    }
  },
  holdsInWorkspace: boundToLattice,
});
