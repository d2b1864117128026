import { mayBeSameNamespace } from '../../model/lattice';
import { servicePorts } from '../../model/latticeBackends';
import { asList, asRecord, isRecord } from '../../util/values';
import { defineRule } from '../types';
import { boundObjects, CONTROLLER_DOCS, qualifiedName } from './common';
import { file } from './examples';
import { exportedServiceName } from './LAT502-export-service-not-found';

const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: inventory-ver2\n  namespace: hotel\nspec:\n  selector:\n    app: inventory\n  ports:\n    - port: 80\n      targetPort: 8090';
const EXPORT = (port: number) =>
  `apiVersion: application-networking.k8s.aws/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: inventory-ver2\n  namespace: hotel\n  annotations:\n    application-networking.k8s.aws/federation: "amazon-vpc-lattice"\nspec:\n  exportedPorts:\n    - port: ${port}\n      routeType: HTTP`;

export default defineRule({
  code: 'LAT503',
  slug: 'export-port-not-service-port',
  kinds: ['ServiceExport'],
  category: 'controller',
  defaultSeverity: 'error',
  summary:
    "An exported port of a ServiceExport is not one of the Service's `spec.ports[].port`: its target group gets no targets.",
  why: 'As for routes, the controller registers the endpoints of the Service port whose `port` equals the exported port. A container port (the targetPort) matches none, and the exported target group stays empty: the importing cluster gets 503s.',
  badExample: file(SERVICE, EXPORT(8090)),
  goodExample: file(SERVICE, EXPORT(80)),
  docs: `${CONTROLLER_DOCS}api-types/service-export/`,
  checkWorkspace(ctx) {
    for (const { object, view } of boundObjects(ctx, ['ServiceExport'])) {
      const name = exportedServiceName(object.value, object.name);
      const service = view.backends.services.find(
        (candidate) =>
          candidate.metadata?.name === name &&
          mayBeSameNamespace(candidate.metadata?.namespace, object.namespace),
      );
      if (!service) continue;
      const ports = servicePorts(service);
      asList(asRecord(object.value.spec).exportedPorts).forEach((exported, index) => {
        if (!isRecord(exported) || typeof exported.port !== 'number') return;
        if (ports.some((port) => port.port === exported.port)) return;
        const byTarget = ports.find((port) => port.targetPort === exported.port);
        ctx.report(object, {
          path: ['spec', 'exportedPorts', index, 'port'],
          bare: true,
          message: `Service ${qualifiedName(name, object.namespace)} has no port ${exported.port}: the exported target group gets no targets.${byTarget ? ` ${exported.port} is the targetPort of Service port ${String(byTarget.port)}: export ${String(byTarget.port)}.` : ''}`,
        });
      });
    }
  },
});
