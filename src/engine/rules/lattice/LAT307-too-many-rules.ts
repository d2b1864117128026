import { asList, asRecord } from '../../util/values';
import { defineRule } from '../types';
import { boundToLattice, MATCHING_ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const RULE = (path: string) =>
  `    - matches:\n        - path:\n            type: PathPrefix\n            value: ${path}\n      backendRefs:\n        - name: rates\n          port: 80`;
const ROUTE = (paths: string[]) =>
  file(latticeGateway(), httpRoute(`${PARENT}\n  rules:\n${paths.map(RULE).join('\n')}`));

export default defineRule({
  code: 'LAT307',
  slug: 'too-many-rules',
  kinds: MATCHING_ROUTE_KINDS,
  category: 'aws-limit',
  defaultSeverity: 'warning',
  summary:
    "A Lattice route has more rules than the account's VPC Lattice quota of rules per listener (5 by default; `eksNetworking.lattice.rulesPerListener`).",
  why: 'Each rule of the route becomes a rule on every Lattice listener of its service. VPC Lattice allows 5 rules per listener unless the quota was raised; past it the controller fails to create the remaining rules, so some paths answer 404. Split the route, or raise the quota and set `eksNetworking.lattice.rulesPerListener` to it.',
  badExample: ROUTE(['/a', '/b', '/c', '/d', '/e', '/f']),
  goodExample: ROUTE(['/a', '/b', '/c', '/d', '/e']),
  docs: 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/quotas.html',
  check(ctx) {
    const rules = asList(asRecord(ctx.value.spec).rules);
    const quota = ctx.settings.lattice.rulesPerListener;
    if (rules.length <= quota) return;
    ctx.report({
      path: ['spec', 'rules', quota],
      bare: true,
      message: `${rules.length} rules, and VPC Lattice allows ${quota} per listener (eksNetworking.lattice.rulesPerListener): the controller fails to create rule ${quota + 1} and the ones after it`,
    });
  },
  holdsInWorkspace: boundToLattice,
});
