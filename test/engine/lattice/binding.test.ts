// Lattice checks run only on what the AWS Gateway API Controller handles: a Gateway whose class is
// Lattice's (controllerName, the amazon-vpc-lattice name, or eksNetworking.lattice.gatewayClasses)
// and the routes attached to one, found anywhere in the workspace (the files of one run).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, lintTexts, ManifestFile, withDefaults, Workspace } from '../../../src/engine';

const gateway = (className: string) =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: my-hotel\n  namespace: hotel\nspec:\n  gatewayClassName: ${className}\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n`;
const gatewayClass = (name: string, controllerName: string) =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: ${name}\nspec:\n  controllerName: ${controllerName}\n`;
const route = (annotations = '') =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: rates\n  namespace: hotel\n${annotations}spec:\n  parentRefs:\n    - name: my-hotel\n  rules:\n    - matches:\n        - path:\n            type: RegularExpression\n            value: /rates/[0-9]+\n      backendRefs:\n        - name: rates\n          port: 80\n`;
const LATTICE = 'application-networking.k8s.aws/gateway-api-controller';

const codes = (diagnostics: { code: string }[]) => diagnostics.map((d) => d.code);

test('a route alone, or on a Gateway of another class, gets no Lattice check', () => {
  assert.deepEqual(codes(lintText(route())), []);
  assert.deepEqual(codes(lintText(`${gateway('istio')}---\n${route()}`)), []);
});

test('a route whose Gateway is in another file of the run gets the Lattice checks, in its own file', () => {
  const [gatewayFile, routeFile] = lintTexts([
    { name: 'gateway.yaml', text: gateway('amazon-vpc-lattice') },
    { name: 'route.yaml', text: route() },
  ]);
  assert.deepEqual(codes(gatewayFile), []);
  assert.deepEqual(codes(routeFile), ['LAT302']);
});

test('the class decides: its controllerName when the class is in the workspace, else its name', () => {
  const text = (...documents: string[]) => documents.join('---\n');
  // A custom class name with the controller's controllerName.
  assert.deepEqual(codes(lintText(text(gatewayClass('internal', LATTICE), gateway('internal'), route()))), [
    'LAT302',
  ]);
  // The conventional name, but another controller's class.
  assert.deepEqual(
    codes(
      lintText(
        text(
          gatewayClass('amazon-vpc-lattice', 'example.com/gateway'),
          gateway('amazon-vpc-lattice'),
          route(),
        ),
      ),
    ),
    ['LAT101'],
  );
});

test('eksNetworking.lattice.gatewayClasses names classes that are not in the workspace', () => {
  const text = `${gateway('team-lattice')}---\n${route()}`;
  assert.deepEqual(codes(lintText(text)), []);
  assert.deepEqual(
    codes(lintText(text, { lattice: { ...withDefaults({}).lattice, gatewayClasses: ['team-lattice'] } })),
    ['LAT302'],
  );
});

test("a route with the controller's annotations is Lattice's even when its Gateway is elsewhere", () => {
  const annotated = route(
    '  annotations:\n    application-networking.k8s.aws/service-name-override: rates-api\n',
  );
  assert.deepEqual(codes(lintText(annotated)), ['LAT302']);
});

test("changing a Gateway's class in one file changes the route's findings in another", () => {
  const settings = withDefaults({});
  const workspace = new Workspace();
  const gatewayFile = new ManifestFile(settings);
  const routeFile = new ManifestFile(settings);
  gatewayFile.update(gateway('amazon-vpc-lattice'));
  routeFile.update(route());
  gatewayFile.diagnosticsIn(workspace, 'gateway.yaml');
  assert.deepEqual(codes(routeFile.diagnosticsIn(workspace, 'route.yaml')), ['LAT302']);
  gatewayFile.update(gateway('istio'));
  gatewayFile.diagnosticsIn(workspace, 'gateway.yaml');
  assert.deepEqual(codes(routeFile.diagnosticsIn(workspace, 'route.yaml')), []);
});
