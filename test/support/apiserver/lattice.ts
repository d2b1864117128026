// Seeds the test API server with a VPC Lattice setup: the AWS Gateway API Controller deployment, the
// Gateway API and controller CRDs (from test/fixtures/lattice/crds/), a Lattice and an Istio
// GatewayClass, Gateways, routes and policies with the status the controller writes, and events.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { TestApiServer } from './server';
import { PROJECT_ROOT } from './cluster';

import type { JsonObject } from './merge';

export interface LatticeSeedOptions {
  /** Leave the controller Deployment out. */
  withoutController?: boolean;
  /** Serve TLSRoute only at v1alpha2 (a cluster with pre-v1.5 Gateway API CRDs). */
  oldTlsRoute?: boolean;
}

const CRD_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'lattice', 'crds');
const CONTROLLER = 'application-networking.k8s.aws/gateway-api-controller';
const V1 = 'gateway.networking.k8s.io/v1';
const LATTICE = 'application-networking.k8s.aws/v1alpha1';

function condition(type: string, status: string, reason: string, message = ''): JsonObject {
  return { type, status, reason, message, lastTransitionTime: '2026-01-01T00:00:00Z', observedGeneration: 1 };
}

/** The CRD objects as the API server returns them: versions and annotations, without the schemas. */
function crdObjects(options: LatticeSeedOptions): JsonObject[] {
  return readdirSync(CRD_DIR).map((file) => {
    const crd = parse(readFileSync(join(CRD_DIR, file), 'utf8')) as {
      metadata: JsonObject;
      spec: {
        group: string;
        names: JsonObject;
        scope: string;
        versions: { name: string; served: boolean; storage: boolean }[];
      };
    };
    let versions = crd.spec.versions.map(({ name, served, storage }) => ({ name, served, storage }));
    let stored = versions.filter((version) => version.storage).map((version) => version.name);
    if (crd.spec.names.kind === 'TLSRoute') {
      if (options.oldTlsRoute) versions = [{ name: 'v1alpha2', served: true, storage: true }];
      stored = options.oldTlsRoute ? ['v1alpha2'] : ['v1alpha2', 'v1'];
    }
    return {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: crd.metadata.name, annotations: crd.metadata.annotations ?? {} },
      spec: { group: crd.spec.group, names: crd.spec.names, scope: crd.spec.scope, versions },
      status: { storedVersions: stored },
    };
  });
}

export function seedLattice(server: TestApiServer, options: LatticeSeedOptions = {}): void {
  for (const name of ['aws-application-networking-system', 'apps'])
    server.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  for (const crd of crdObjects(options)) server.put(crd);
  if (!options.withoutController) {
    server.put({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'gateway-api-controller', namespace: 'aws-application-networking-system' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'control-plane': 'gateway-api-controller' } },
        template: {
          metadata: { labels: { 'control-plane': 'gateway-api-controller' } },
          spec: {
            containers: [
              {
                name: 'manager',
                image: 'public.ecr.aws/aws-application-networking-k8s/aws-gateway-controller:v2.1.3',
                env: [
                  { name: 'REGION', value: 'us-west-2' },
                  { name: 'CLUSTER_NAME', value: 'demo-cluster' },
                  { name: 'WEBHOOK_ENABLED', value: 'true' },
                ],
              },
            ],
          },
        },
      },
      status: { replicas: 2, readyReplicas: 2 },
    });
  }
  server.put({
    apiVersion: V1,
    kind: 'GatewayClass',
    metadata: { name: 'amazon-vpc-lattice' },
    spec: { controllerName: CONTROLLER },
    status: { conditions: [condition('Accepted', 'True', 'Accepted')] },
  });
  server.put({
    apiVersion: V1,
    kind: 'GatewayClass',
    metadata: { name: 'istio' },
    spec: { controllerName: 'istio.io/gateway-controller' },
  });
  const listeners = [
    { name: 'http', protocol: 'HTTP', port: 80 },
    { name: 'https', protocol: 'HTTPS', port: 443 },
  ];
  server.put({
    apiVersion: V1,
    kind: 'Gateway',
    metadata: { name: 'my-hotel', namespace: 'apps' },
    spec: { gatewayClassName: 'amazon-vpc-lattice', listeners },
    status: {
      conditions: [
        condition('Accepted', 'True', 'Accepted'),
        condition(
          'Programmed',
          'True',
          'Programmed',
          'aws-service-network-arn: arn:aws:vpc-lattice:us-west-2:111122223333:servicenetwork/sn-0aaa1111bbbb2222c',
        ),
      ],
    },
  });
  server.put({
    apiVersion: V1,
    kind: 'Gateway',
    metadata: { name: 'payments', namespace: 'apps' },
    spec: { gatewayClassName: 'amazon-vpc-lattice', listeners },
    status: {
      conditions: [condition('Programmed', 'False', 'Pending', 'VPC Lattice Service Network not found')],
    },
  });
  server.put({
    apiVersion: V1,
    kind: 'Gateway',
    metadata: { name: 'mesh', namespace: 'apps' },
    spec: { gatewayClassName: 'istio', listeners },
  });
  const parentStatus = (gateway: string, conditions: JsonObject[]) => ({
    parents: [
      {
        controllerName: CONTROLLER,
        parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: gateway },
        conditions,
      },
    ],
  });
  server.put({
    apiVersion: V1,
    kind: 'HTTPRoute',
    metadata: {
      name: 'rates',
      namespace: 'apps',
      annotations: {
        'application-networking.k8s.aws/lattice-assigned-domain-name':
          'rates-apps-0123456789abcdef0.7d67968.vpc-lattice-svcs.us-west-2.on.aws',
        'application-networking.k8s.aws/lattice-service-arn':
          'arn:aws:vpc-lattice:us-west-2:111122223333:service/svc-0123456789abcdef0',
      },
    },
    spec: {
      parentRefs: [{ name: 'my-hotel', sectionName: 'http' }],
      rules: [{ backendRefs: [{ name: 'rates', port: 80 }] }],
    },
    status: parentStatus('my-hotel', [
      condition('Accepted', 'True', 'Accepted'),
      condition('ResolvedRefs', 'True', 'ResolvedRefs'),
    ]),
  });
  server.put({
    apiVersion: V1,
    kind: 'HTTPRoute',
    metadata: { name: 'inventory', namespace: 'apps' },
    spec: {
      parentRefs: [{ name: 'my-hotel' }],
      rules: [{ backendRefs: [{ name: 'inventory-ver1', port: 80 }] }],
    },
    status: parentStatus('my-hotel', [
      condition('Accepted', 'True', 'Accepted'),
      condition('ResolvedRefs', 'False', 'BackendNotFound', 'backendRef name: inventory-ver1'),
    ]),
  });
  server.put({
    apiVersion: V1,
    kind: 'HTTPRoute',
    metadata: { name: 'parking', namespace: 'apps' },
    spec: {
      parentRefs: [{ name: 'my-hotel' }],
      rules: [
        {
          matches: [{ path: { value: '/a' } }, { path: { value: '/b' } }],
          backendRefs: [{ name: 'parking', port: 80 }],
        },
      ],
    },
    status: parentStatus('my-hotel', [
      condition('Accepted', 'True', 'Accepted'),
      condition('ResolvedRefs', 'True', 'ResolvedRefs'),
    ]),
  });
  server.put({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'parking.181a2b3c4d5e6f70', namespace: 'apps' },
    involvedObject: { apiVersion: V1, kind: 'HTTPRoute', name: 'parking', namespace: 'apps' },
    reason: 'FailedBuildModel',
    type: 'Warning',
    message: 'Failed build model due to failed to build rules due to LATTICE_NO_SUPPORT_FOR_MULTIPLE_MATCHES',
  });
  server.put({
    apiVersion: V1,
    kind: 'GRPCRoute',
    metadata: { name: 'greeter', namespace: 'apps' },
    spec: {
      parentRefs: [{ name: 'my-hotel', sectionName: 'https' }],
      rules: [{ backendRefs: [{ name: 'greeter', port: 50051 }] }],
    },
  });
  server.put({
    apiVersion: V1,
    kind: 'HTTPRoute',
    metadata: { name: 'mesh-route', namespace: 'apps' },
    spec: { parentRefs: [{ name: 'mesh' }], rules: [{ backendRefs: [{ name: 'rates', port: 80 }] }] },
  });
  server.put({
    apiVersion: LATTICE,
    kind: 'IAMAuthPolicy',
    metadata: { name: 'my-hotel-auth', namespace: 'apps' },
    spec: {
      targetRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'my-hotel' },
      policy: '{"Version":"2012-10-17","Statement":[]}',
    },
    status: { conditions: [condition('Accepted', 'True', 'Accepted')] },
  });
  server.put({
    apiVersion: LATTICE,
    kind: 'TargetGroupPolicy',
    metadata: { name: 'rates-health', namespace: 'apps' },
    spec: {
      targetRef: { group: '', kind: 'Service', name: 'ratez' },
      healthCheck: { enabled: true, path: '/healthz' },
    },
    status: {
      conditions: [
        condition('Accepted', 'False', 'TargetNotFound', 'targetRef not found, target=apps/ratez'),
      ],
    },
  });
  server.put({
    apiVersion: 'vpcresources.k8s.aws/v1beta1',
    kind: 'SecurityGroupPolicy',
    metadata: { name: 'rates-pods', namespace: 'apps' },
    spec: {
      podSelector: { matchLabels: { app: 'rates' } },
      securityGroups: { groupIds: ['sg-0pod0000000000001'] },
    },
  });
}
