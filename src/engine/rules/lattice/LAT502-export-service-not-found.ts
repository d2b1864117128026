import { mayBeSameNamespace } from '../../model/lattice';
import { defineRule } from '../types';
import { annotationValue, boundObjects, CONTROLLER_DOCS, qualifiedName } from './common';
import { file } from './examples';

const SERVICE = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: hotel\nspec:\n  selector:\n    app: inventory\n  ports:\n    - port: 80\n      targetPort: 8090`;
const EXPORT =
  'apiVersion: application-networking.k8s.aws/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: inventory-ver2\n  namespace: hotel\n  annotations:\n    application-networking.k8s.aws/federation: "amazon-vpc-lattice"\nspec:\n  exportedPorts:\n    - port: 80\n      routeType: HTTP';

/** The Service a ServiceExport exports: its own name, or the `service-name` annotation. */
export function exportedServiceName(
  value: Record<string, unknown>,
  name: string | undefined,
): string | undefined {
  const override = annotationValue(value, 'service-name');
  return typeof override === 'string' && override !== '' ? override : name;
}

export default defineRule({
  code: 'LAT502',
  slug: 'export-service-not-found',
  kinds: ['ServiceExport'],
  category: 'controller',
  defaultSeverity: 'info',
  summary:
    'A ServiceExport names a Service (its own name, or the `service-name` annotation) that the workspace does not define, though it defines others.',
  why: 'A ServiceExport exports the Service with the same name and namespace (or the one named by `application-networking.k8s.aws/service-name`). Without it the controller cannot build the target group ("failed to find corresponding k8sService"). Reported as information when the workspace holds Services: the Service may be managed elsewhere.',
  badExample: file(SERVICE('inventory'), EXPORT),
  goodExample: file(SERVICE('inventory-ver2'), EXPORT),
  docs: `${CONTROLLER_DOCS}api-types/service-export/`,
  checkWorkspace(ctx) {
    for (const { object, view } of boundObjects(ctx, ['ServiceExport'])) {
      const services = view.backends.services;
      const name = exportedServiceName(object.value, object.name);
      if (services.length === 0 || name === undefined) continue;
      const found = services.some(
        (service) =>
          service.metadata?.name === name &&
          mayBeSameNamespace(service.metadata?.namespace, object.namespace),
      );
      if (found) continue;
      ctx.report(object, {
        path: ['metadata', 'name'],
        bare: true,
        message: `no Service ${qualifiedName(name, object.namespace)} in the workspace: the ServiceExport exports the Service of that name, and without it no target group is built`,
      });
    }
  },
});
