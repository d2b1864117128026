import { latticeServiceName } from '../../model/latticeBackends';
import { serviceNameProblem } from '../../model/latticeNames';
import { isPlaceholder } from '../../util/placeholders';
import { defineRule } from '../types';
import { annotationValue, boundToLattice, CONTROLLER_DOCS, metadataOf, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const ROUTE = (name: string) =>
  file(
    latticeGateway(),
    httpRoute(`${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`, '', name),
  );

export default defineRule({
  code: 'LAT219',
  slug: 'generated-service-name-invalid',
  kinds: ROUTE_KINDS,
  category: 'aws-limit',
  defaultSeverity: 'error',
  summary:
    'The VPC Lattice service name the controller derives from the route (name and namespace) is not a valid Lattice service name.',
  why: 'Each Lattice route becomes a service named after the first 20 characters of the route name and the first 18 of its namespace (`<name>-<namespace>`). Lattice service names are lower-case letters, digits and single hyphens, and may not start with `svc-`. A route called `svc-rates`, `rates.v2` or `rates--v2` is a valid Kubernetes name but fails when the service is created. Rename the route or set `application-networking.k8s.aws/service-name-override`.',
  badExample: ROUTE('rates.v2'),
  goodExample: ROUTE('rates-v2'),
  docs: `${CONTROLLER_DOCS}guides/service-name-override/`,
  check(ctx) {
    if (annotationValue(ctx.value, 'service-name-override') !== undefined) return;
    const { name, namespace } = metadataOf(ctx.value);
    if (!name || isPlaceholder(name) || (namespace && isPlaceholder(namespace))) return;
    // Without a namespace the route name's part is all that is known.
    const generated = namespace ? latticeServiceName(name, namespace) : latticeServiceName(name, 'ns');
    const problem = serviceNameProblem(generated);
    if (!problem) return;
    ctx.report({
      path: ['metadata', 'name'],
      bare: true,
      message: `the Lattice service name derived from this route${namespace ? `, "${generated}",` : ''} is invalid (${problem}): the service cannot be created. Rename the route or set the service-name-override annotation.`,
    });
  },
  holdsInWorkspace: boundToLattice,
});
