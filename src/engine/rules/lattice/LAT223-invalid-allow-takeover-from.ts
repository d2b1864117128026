import { isPlaceholder } from '../../util/placeholders';
import { renderValue } from '../../util/strings';
import { defineRule } from '../types';
import { annotationPath, annotationValue, boundToLattice, CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const MANAGED_BY = /^\d{12}\/[^/\s]+\/vpc-[0-9a-f]{8,17}$/;

const ROUTE = (value: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`,
      `  annotations:\n    application-networking.k8s.aws/allow-takeover-from: ${value}`,
    ),
  );

export default defineRule({
  code: 'LAT223',
  slug: 'invalid-allow-takeover-from',
  kinds: ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'warning',
  summary:
    '`application-networking.k8s.aws/allow-takeover-from` is not `<account id>/<cluster name>/<VPC id>`, the form of the owner tag it must equal.',
  why: 'A Lattice service created by another cluster carries the tag `application-networking.k8s.aws/ManagedBy` = `<account>/<cluster>/<vpc>`. This annotation lets the controller take the service over when it equals that tag exactly; any other value leaves the route `Conflicted`.',
  badExample: ROUTE('cluster-a'),
  goodExample: ROUTE('111122223333/cluster-a/vpc-0a1b2c3d4e5f67890'),
  docs: `${CONTROLLER_DOCS}guides/advanced-configurations/`,
  check(ctx) {
    const value = annotationValue(ctx.value, 'allow-takeover-from');
    if (typeof value !== 'string' || isPlaceholder(value) || MANAGED_BY.test(value.trim())) return;
    ctx.report({
      path: annotationPath('allow-takeover-from'),
      bare: true,
      message: `${renderValue(value)} is not <account id>/<cluster name>/<VPC id> (for example 111122223333/cluster-a/vpc-0a1b2c3d4e5f67890): it can never equal the owner tag, so the route stays Conflicted`,
    });
  },
  holdsInWorkspace: boundToLattice,
});
