import {
  LATTICE_ANNOTATION_PREFIX,
  latticeAnnotations,
  WRITTEN_ANNOTATIONS,
} from '../../model/latticeAnnotations';
import { defineRule } from '../types';
import { annotationPath, boundToLattice, CONTROLLER_DOCS, POLICY_KINDS, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const ROUTE = (annotations: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`,
      annotations,
    ),
  );

export default defineRule({
  code: 'LAT120',
  slug: 'controller-written-annotation',
  kinds: [...ROUTE_KINDS, ...POLICY_KINDS],
  category: 'semantics',
  defaultSeverity: 'info',
  summary:
    'The manifest sets an annotation that the controller writes itself (`lattice-assigned-domain-name`, `lattice-service-arn`, …): it was probably copied from `kubectl get -o yaml`.',
  why: 'The AWS Gateway API Controller records what it created in these annotations (the route’s Lattice DNS name and service ARN, the policy’s Lattice resource). A manifest that carries them overwrites the controller’s values on every apply, and GitOps tools see drift after each reconcile. Remove them from the manifest.',
  badExample: ROUTE(
    '  annotations:\n    application-networking.k8s.aws/lattice-assigned-domain-name: rates-hotel-0a1b2c3d4e5f67890.7d67968.vpc-lattice-svcs.us-west-2.on.aws',
  ),
  goodExample: ROUTE(''),
  docs: `${CONTROLLER_DOCS}api-types/http-route/`,
  check(ctx) {
    for (const key of latticeAnnotations(ctx.value).keys()) {
      if (!WRITTEN_ANNOTATIONS.includes(key)) continue;
      ctx.report({
        path: annotationPath(key),
        target: 'key',
        bare: true,
        message: `${LATTICE_ANNOTATION_PREFIX}${key} is written by the controller; setting it in the manifest overwrites the controller's value on every apply`,
      });
    }
  },
  holdsInWorkspace: boundToLattice,
});
