// Gateway API and Lattice documents are routed to their schema by apiVersion and kind; other
// implementations' kinds of the same name are left alone, and retired versions are named.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routeResource } from '../../../src/engine/route/resourceTypes';
import { lintText } from '../../../src/engine';

test('every served Gateway API and Lattice version routes to its own schema', () => {
  for (const [apiVersion, kind] of [
    ['gateway.networking.k8s.io/v1', 'GatewayClass'],
    ['gateway.networking.k8s.io/v1beta1', 'GatewayClass'],
    ['gateway.networking.k8s.io/v1', 'Gateway'],
    ['gateway.networking.k8s.io/v1beta1', 'HTTPRoute'],
    ['gateway.networking.k8s.io/v1', 'GRPCRoute'],
    ['gateway.networking.k8s.io/v1', 'TLSRoute'],
    ['gateway.networking.k8s.io/v1beta1', 'ReferenceGrant'],
    ['application-networking.k8s.aws/v1alpha1', 'TargetGroupPolicy'],
    ['application-networking.k8s.aws/v1alpha1', 'ServiceNetwork'],
  ]) {
    const route = routeResource(apiVersion, kind);
    assert.equal(route.type, 'resource', `${apiVersion} ${kind}`);
    if (route.type === 'resource') {
      assert.equal(route.resource.apiVersion, apiVersion);
      assert.equal(route.resource.legacy === true, apiVersion.endsWith('v1beta1'));
    }
  }
});

test('versions the v1.5 CRDs no longer serve are API001 errors that name the served one', () => {
  const messages = (text: string) => lintText(text).map((d) => `${d.code} ${d.message}`);
  assert.deepEqual(
    messages(
      'apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TLSRoute\nmetadata:\n  name: nginx\nspec: {}\n',
    ),
    [
      'API001 apiVersion "gateway.networking.k8s.io/v1alpha2" does not serve kind TLSRoute (the Gateway API v1.5 CRDs serve TLSRoute only as v1, which the AWS Gateway API Controller v2.1 requires); use "gateway.networking.k8s.io/v1"',
    ],
  );
  assert.deepEqual(
    messages('apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: GRPCRoute\nmetadata:\n  name: g\n'),
    [
      'API001 apiVersion "gateway.networking.k8s.io/v1alpha2" does not serve kind GRPCRoute (the Gateway API v1.5 CRDs serve GRPCRoute only as v1); use "gateway.networking.k8s.io/v1"',
    ],
  );
});

test("other implementations' Gateways and the MCS API's ServiceExport are not ours", () => {
  assert.equal(routeResource('networking.istio.io/v1beta1', 'Gateway').type, 'ignore');
  assert.equal(routeResource('multicluster.x-k8s.io/v1alpha1', 'ServiceExport').type, 'ignore');
  assert.equal(routeResource('gateway.networking.k8s.io/v1', 'TCPRoute').type, 'ignore');
  assert.deepEqual(
    lintText(
      'apiVersion: networking.istio.io/v1beta1\nkind: Gateway\nmetadata:\n  name: Not_A_Lattice_Name\nspec:\n  selector:\n    istio: ingressgateway\n',
    ),
    [],
  );
});

test('a kind in the wrong case under its own apiVersion is API002', () => {
  assert.equal(routeResource('gateway.networking.k8s.io/v1', 'HttpRoute').type, 'wrongKind');
  assert.equal(routeResource('gateway.networking.k8s.io/v1beta1', 'httproute').type, 'wrongKind');
});
