// The Lattice binding model (src/engine/model/lattice.ts, latticeBackends.ts): which Gateways and
// routes the AWS Gateway API Controller handles, parentRef and backendRef resolution.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  gatewayBinding,
  hostnamesIntersect,
  latticeParents,
  resolveParents,
  routeBinding,
  type GatewayApiObject,
  type LatticeContext,
} from '../../src/engine/model/lattice';
import { latticeServiceName, resolveBackends } from '../../src/engine/model/latticeBackends';
import { FIXTURES } from '../support/paths';

const V1 = 'gateway.networking.k8s.io/v1';

function gateway(
  name: string,
  className: string,
  listeners: unknown[],
  namespace?: string,
): GatewayApiObject {
  return {
    apiVersion: V1,
    kind: 'Gateway',
    metadata: { name, namespace },
    spec: { gatewayClassName: className, listeners },
  };
}

function route(kind: string, spec: unknown, namespace?: string, name = 'rates'): GatewayApiObject {
  return { apiVersion: V1, kind, metadata: { name, namespace }, spec };
}

const HTTP = { name: 'http', port: 80, protocol: 'HTTP' };
const HTTPS = { name: 'https', port: 443, protocol: 'HTTPS' };
const TLS = { name: 'tls', port: 443, protocol: 'TLS', tls: { mode: 'Passthrough' } };

const latticeClass = {
  apiVersion: V1,
  kind: 'GatewayClass',
  metadata: { name: 'lattice' },
  spec: { controllerName: 'application-networking.k8s.aws/gateway-api-controller' },
};
const istioClass = {
  apiVersion: V1,
  kind: 'GatewayClass',
  metadata: { name: 'istio' },
  spec: { controllerName: 'istio.io/gateway-controller' },
};

describe('Lattice binding', () => {
  it('binds a Gateway by its class: controllerName in the workspace, the conventional name, or the setting', () => {
    const context: LatticeContext = {
      gatewayClasses: [latticeClass, istioClass],
      gateways: [],
      extraClassNames: ['corp-lattice'],
    };
    assert.equal(gatewayBinding(gateway('a', 'lattice', [HTTP]), context), 'controllerName');
    assert.equal(gatewayBinding(gateway('a', 'amazon-vpc-lattice', [HTTP]), context), 'defaultClassName');
    assert.equal(gatewayBinding(gateway('a', 'corp-lattice', [HTTP]), context), 'setting');
    assert.equal(gatewayBinding(gateway('a', 'istio', [HTTP]), context), undefined);
    assert.equal(gatewayBinding(gateway('a', 'envoy-gateway', [HTTP]), context), undefined);
  });

  it('trusts a workspace class over the conventional name', () => {
    const impostor = { ...istioClass, metadata: { name: 'amazon-vpc-lattice' } };
    const context: LatticeContext = { gatewayClasses: [impostor], gateways: [] };
    assert.equal(gatewayBinding(gateway('a', 'amazon-vpc-lattice', [HTTP]), context), undefined);
  });

  it('binds a route through a parentRef to a Lattice Gateway, not through an Istio one', () => {
    const context: LatticeContext = {
      gatewayClasses: [istioClass],
      gateways: [gateway('mesh', 'istio', [HTTP]), gateway('my-hotel', 'amazon-vpc-lattice', [HTTP, HTTPS])],
    };
    assert.equal(routeBinding(route('HTTPRoute', { parentRefs: [{ name: 'mesh' }] }), context), undefined);
    const bound = routeBinding(
      route('HTTPRoute', { parentRefs: [{ name: 'mesh' }, { name: 'my-hotel' }] }),
      context,
    );
    assert.equal(bound?.gateway?.metadata?.name, 'my-hotel');
    assert.equal(bound?.index, 1);
  });

  it('resolves the controller examples: every route reaches its Gateway listener', () => {
    const objects = [
      'my-hotel-gateway-multi-listeners',
      'my-gateway-tls-passthrough',
      'rate-route-path',
      'greeter-grpc-route',
      'tlsroute-nginx',
      'inventory-route-bluegreen',
    ]
      .flatMap((name) =>
        parseAllDocuments(readFileSync(join(FIXTURES, `schemas/valid/lattice__${name}.yaml`), 'utf8')),
      )
      .map((document) => document.toJS() as GatewayApiObject);
    const context: LatticeContext = {
      gatewayClasses: [],
      gateways: objects.filter((object) => object.kind === 'Gateway'),
    };
    for (const object of objects.filter((candidate) => candidate.kind !== 'Gateway')) {
      const parents = latticeParents(object, context);
      assert.equal(parents.length, 1, String(object.metadata?.name));
      assert.equal(parents[0]?.problem, undefined, String(object.metadata?.name));
      assert.ok(parents[0]?.acceptingListeners.length, String(object.metadata?.name));
    }
  });
});

describe('parentRef resolution', () => {
  const context: LatticeContext = {
    gatewayClasses: [],
    gateways: [
      gateway('my-hotel', 'amazon-vpc-lattice', [HTTP, HTTPS], 'infra'),
      gateway('tls-gw', 'amazon-vpc-lattice', [TLS], 'infra'),
      gateway(
        'host-gw',
        'amazon-vpc-lattice',
        [{ ...HTTP, hostname: '*.example.com', allowedRoutes: { namespaces: { from: 'All' } } }],
        'infra',
      ),
    ],
  };
  const problem = (spec: unknown, namespace?: string, kind = 'HTTPRoute') =>
    resolveParents(route(kind, spec, namespace), context)[0]?.problem;

  it('defaults the namespace to the route namespace and matches an unset one to any', () => {
    assert.equal(problem({ parentRefs: [{ name: 'my-hotel', namespace: 'infra' }] }, 'infra'), undefined);
    assert.equal(problem({ parentRefs: [{ name: 'my-hotel' }] }, 'apps'), 'gatewayNotFound');
    assert.equal(problem({ parentRefs: [{ name: 'my-hotel' }] }), undefined);
  });

  it('picks listeners by sectionName and port', () => {
    assert.equal(
      problem({ parentRefs: [{ name: 'my-hotel', sectionName: 'grpc' }] }, 'infra'),
      'noMatchingSection',
    );
    assert.equal(
      problem({ parentRefs: [{ name: 'my-hotel', sectionName: 'http', port: 443 }] }, 'infra'),
      'noMatchingPort',
    );
    const [parent] = resolveParents(
      route('HTTPRoute', { parentRefs: [{ name: 'my-hotel', port: 443 }] }, 'infra'),
      context,
    );
    assert.deepEqual(
      parent?.acceptingListeners.map((listener) => listener.name),
      ['https'],
    );
  });

  it('applies the Lattice route kinds per protocol: GRPCRoute only on HTTPS, TLSRoute only on TLS', () => {
    assert.equal(
      problem({ parentRefs: [{ name: 'my-hotel', sectionName: 'http' }] }, 'infra', 'GRPCRoute'),
      'kindNotAllowed',
    );
    assert.equal(
      problem({ parentRefs: [{ name: 'my-hotel', sectionName: 'https' }] }, 'infra', 'GRPCRoute'),
      undefined,
    );
    assert.equal(problem({ parentRefs: [{ name: 'my-hotel' }] }, 'infra', 'TLSRoute'), 'kindNotAllowed');
    assert.equal(
      problem({ parentRefs: [{ name: 'tls-gw' }], hostnames: ['a.example.com'] }, 'infra', 'TLSRoute'),
      undefined,
    );
  });

  it('rejects a route from another namespace unless the listener allows it (from: Same by default)', () => {
    assert.equal(
      problem({ parentRefs: [{ name: 'my-hotel', namespace: 'infra' }] }, 'apps'),
      'namespaceNotAllowed',
    );
    assert.equal(
      problem(
        { parentRefs: [{ name: 'host-gw', namespace: 'infra' }], hostnames: ['a.example.com'] },
        'apps',
      ),
      undefined,
    );
  });

  it('requires route hostnames to intersect the listener hostname', () => {
    assert.equal(
      problem({ parentRefs: [{ name: 'host-gw', namespace: 'infra' }], hostnames: ['a.other.org'] }, 'apps'),
      'hostnameMismatch',
    );
    assert.equal(hostnamesIntersect('*.example.com', ['a.b.example.com']), true);
    assert.equal(hostnamesIntersect('a.example.com', ['*.example.com']), true);
    assert.equal(hostnamesIntersect('*.example.com', ['example.com']), false);
    assert.equal(hostnamesIntersect(undefined, ['x.org']), true);
  });

  it("records the controller's namespace carry-over next to the Gateway API namespace", () => {
    const parents = resolveParents(
      route('HTTPRoute', { parentRefs: [{ name: 'a', namespace: 'infra' }, { name: 'b' }] }, 'apps'),
      context,
    );
    assert.deepEqual(
      parents.map((parent) => [parent.namespace, parent.controllerNamespace]),
      [
        ['infra', 'infra'],
        ['apps', 'infra'],
      ],
    );
  });

  it('tells a parentRef whose group or kind is not a Gateway apart', () => {
    const [parent] = resolveParents(
      route('HTTPRoute', { parentRefs: [{ name: 'my-hotel', kind: 'Service', group: '' }] }, 'infra'),
      context,
    );
    assert.equal(parent?.refersToGateway, false);
  });
});

describe('backendRef resolution', () => {
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'rates', namespace: 'apps' },
    spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  };
  const serviceImport = {
    apiVersion: 'application-networking.k8s.aws/v1alpha1',
    kind: 'ServiceImport',
    metadata: { name: 'inventory-ver2' },
  };
  const spec = {
    rules: [
      {
        backendRefs: [
          { name: 'rates', port: 80, weight: 10 },
          { name: 'rates', port: 8080 },
          { name: 'inventory-ver2', kind: 'ServiceImport', weight: 90 },
          { name: 'bucket', kind: 'S3Bucket', group: 'example.com' },
          { name: 'rates', namespace: 'other', port: 80 },
        ],
      },
    ],
  };
  const resolved = resolveBackends(route('HTTPRoute', spec, 'apps'), {
    services: [service],
    serviceImports: [serviceImport],
  });

  it('finds Services by name and namespace, and their port by `port` (not targetPort)', () => {
    assert.equal(resolved[0]?.servicePort?.name, 'http');
    assert.equal(resolved[0]?.weight, 10);
    assert.ok(resolved[1]?.target);
    assert.equal(resolved[1]?.servicePort, undefined);
    assert.deepEqual(resolved[1]?.path, ['spec', 'rules', 0, 'backendRefs', 1]);
  });

  it('finds ServiceImports, flags other kinds and cross-namespace refs', () => {
    assert.equal(resolved[2]?.target, serviceImport);
    assert.equal(resolved[2]?.weight, 90);
    assert.equal(resolved[3]?.supportedKind, false);
    assert.equal(resolved[4]?.crossNamespace, true);
    assert.equal(resolved[4]?.target, undefined);
  });

  it('derives the Lattice service name from the route name and namespace', () => {
    assert.equal(latticeServiceName('rates', 'default'), 'rates-default');
    assert.equal(latticeServiceName('inventory-service-blue-green', 'apps'), 'inventory-service-bl-apps');
    assert.equal(
      latticeServiceName('checkout-api-version-2', 'payments-production-eu'),
      'checkout-api-version-payments-productio',
    );
    assert.equal(latticeServiceName('abcdefghijklmnopqrs-tuv', 'ns'), 'abcdefghijklmnopqrs-ns');
  });
});
