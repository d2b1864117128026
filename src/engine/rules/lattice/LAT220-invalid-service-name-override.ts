import { serviceNameProblem } from '../../model/latticeNames';
import { isPlaceholder } from '../../util/placeholders';
import { truncate } from '../../util/strings';
import { defineRule } from '../types';
import { annotationPath, annotationValue, boundToLattice, CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const ROUTE = (name: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`,
      `  annotations:\n    application-networking.k8s.aws/service-name-override: ${name}`,
    ),
  );

export default defineRule({
  code: 'LAT220',
  slug: 'invalid-service-name-override',
  kinds: ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'error',
  summary: '`application-networking.k8s.aws/service-name-override` is not a valid VPC Lattice service name.',
  why: "The override names the route's Lattice service (3–40 lower-case letters, digits and single hyphens, not starting with `svc-`). The controller checks it and refuses the route with the message shown. The override is read only when the service is created: changing it later does not rename the service.",
  badExample: ROUTE('svc-rates'),
  goodExample: ROUTE('rates-api'),
  docs: `${CONTROLLER_DOCS}guides/service-name-override/`,
  check(ctx) {
    const value = annotationValue(ctx.value, 'service-name-override');
    if (typeof value !== 'string' || isPlaceholder(value)) return;
    const problem = serviceNameProblem(value);
    if (!problem) return;
    ctx.report({
      path: annotationPath('service-name-override'),
      bare: true,
      message: `invalid service name override '${truncate(value)}': ${problem}`,
    });
  },
  holdsInWorkspace: boundToLattice,
});
