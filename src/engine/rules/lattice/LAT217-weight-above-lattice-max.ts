import { resolveBackends } from '../../model/latticeBackends';
import { defineRule } from '../types';
import { boundToLattice, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

/** The largest target group weight in a Lattice rule. */
export const LATTICE_MAX_WEIGHT = 999;

const ROUTE = (blue: number, green: number) =>
  file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates-blue\n          port: 80\n          weight: ${blue}\n        - name: rates-green\n          port: 80\n          weight: ${green}`,
    ),
  );

export default defineRule({
  code: 'LAT217',
  slug: 'weight-above-lattice-max',
  kinds: ROUTE_KINDS,
  category: 'aws-limit',
  defaultSeverity: 'error',
  summary: 'A backendRef weight above 999: the Gateway API allows up to 1,000,000, VPC Lattice only 0–999.',
  why: 'The controller passes each weight unchanged to the Lattice rule’s forward action, whose target group weights go from 0 to 999. A larger weight makes the rule fail to create or update, and the route keeps serving the old rule (or none). Only the ratio between weights matters: 9000/1000 is the same split as 900/100.',
  badExample: ROUTE(9000, 1000),
  goodExample: ROUTE(900, 100),
  docs: 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/listener-rules.html',
  check(ctx) {
    for (const backend of resolveBackends(ctx.value, { services: [], serviceImports: [] })) {
      if (typeof backend.ref.weight !== 'number' || backend.ref.weight <= LATTICE_MAX_WEIGHT) continue;
      ctx.report({
        path: [...backend.path, 'weight'],
        bare: true,
        message: `weight ${backend.ref.weight} is above VPC Lattice's maximum of ${LATTICE_MAX_WEIGHT}: the rule fails to create. Scale the rule's weights down (only their ratio matters).`,
      });
    }
  },
  holdsInWorkspace: boundToLattice,
});
