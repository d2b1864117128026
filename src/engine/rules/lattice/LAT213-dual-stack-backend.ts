import { asList, asRecord } from '../../util/values';
import { defineRule } from '../types';
import { CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { backendName, boundBackends } from './backends';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const SERVICE = (family: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: rates\n  namespace: hotel\nspec:\n${family}  selector:\n    app: rates\n  ports:\n    - port: 80\n      targetPort: 8080`;
const ROUTE = httpRoute(`${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`);

export default defineRule({
  code: 'LAT213',
  slug: 'dual-stack-backend',
  kinds: ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'error',
  summary: 'A Lattice route sends traffic to a dual-stack Service, which the controller refuses.',
  why: 'A VPC Lattice target group holds IPv4 or IPv6 targets, not both. The controller sets a route whose backend Service has two IP families `Accepted=False` (`UnsupportedValue`, "Dual stack Service is not supported"). Use a single-stack Service (IPv6-only works).',
  badExample: file(latticeGateway(), SERVICE('  ipFamilyPolicy: RequireDualStack\n'), ROUTE),
  goodExample: file(latticeGateway(), SERVICE('  ipFamilyPolicy: SingleStack\n'), ROUTE),
  docs: `${CONTROLLER_DOCS}api-types/service/`,
  checkWorkspace(ctx) {
    for (const { route, backend } of boundBackends(ctx)) {
      if (backend.kind !== 'Service' || !backend.target) continue;
      const spec = asRecord(backend.target.spec);
      if (asList(spec.ipFamilies).length < 2 && spec.ipFamilyPolicy !== 'RequireDualStack') continue;
      ctx.report(route, {
        path: [...backend.path, 'name'],
        bare: true,
        message: `Service ${backendName(backend)} is dual-stack: the Lattice controller does not accept the route ("Dual stack Service is not supported")`,
      });
    }
  },
});
