import { renderValue } from '../../util/strings';
import { defineRule } from '../types';
import { annotationPath, annotationValue, boundToLattice, CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const ROUTE = (value: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`,
      `  annotations:\n    application-networking.k8s.aws/standalone: "${value}"`,
    ),
  );

export default defineRule({
  code: 'LAT118',
  slug: 'invalid-standalone-annotation',
  kinds: ['Gateway', ...ROUTE_KINDS],
  category: 'controller',
  defaultSeverity: 'warning',
  summary:
    'The `application-networking.k8s.aws/standalone` annotation is neither "true" nor "false": the controller treats it as false.',
  why: 'With `standalone: "true"` the route’s Lattice service is not associated with the Gateway’s service network (on a Gateway: every route’s service, unless the route says otherwise). The controller reads "true" and "false" in any case; any other value (`yes`, `1`, `enabled`) is logged and treated as false, so the service is associated after all.',
  badExample: ROUTE('yes'),
  goodExample: ROUTE('true'),
  docs: `${CONTROLLER_DOCS}guides/standalone-services/`,
  check(ctx) {
    const value = annotationValue(ctx.value, 'standalone');
    if (value === undefined || (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))) return;
    ctx.report({
      path: annotationPath('standalone'),
      bare: true,
      message: `standalone annotation ${renderValue(value)} is neither "true" nor "false": the controller treats it as "false" and associates the service with the service network`,
    });
  },
  holdsInWorkspace: boundToLattice,
});
