import {
  DEAD_ANNOTATIONS,
  LATTICE_ANNOTATION_PREFIX,
  latticeAnnotations,
  READ_ANNOTATIONS,
  RULE_PRIORITY_ANNOTATION,
  WRITTEN_ANNOTATIONS,
} from '../../model/latticeAnnotations';
import { LATTICE_KINDS } from '../../route/latticeResourceTypes';
import { closestName, truncate } from '../../util/strings';
import { defineRule } from '../types';
import { annotationPath, boundToLattice, CONTROLLER_DOCS } from './common';
import { latticeGateway } from './examples';

const KNOWN = [...Object.keys(READ_ANNOTATIONS), ...WRITTEN_ANNOTATIONS];

function gatewayWith(annotation: string): string {
  return latticeGateway().replace(
    '  namespace: hotel\n',
    `  namespace: hotel\n  annotations:\n    ${annotation}\n`,
  );
}

export default defineRule({
  code: 'LAT119',
  slug: 'unknown-lattice-annotation',
  kinds: LATTICE_KINDS,
  category: 'controller',
  defaultSeverity: 'warning',
  summary:
    'An `application-networking.k8s.aws/` annotation that the controller does not read on this kind: misspelled, retired, or on the wrong kind.',
  why: 'The AWS Gateway API Controller reads a fixed set of annotations, each on certain kinds (`standalone` on Gateways and routes, `federation` on ServiceExports, `target-group-arn` on ServiceImports…). Any other key under its prefix does nothing, silently. Two that appear in older guides and issues never work: `lattice-vpc-association` (removed in v1.0) and `lattice-service-network` (never implemented).',
  badExample: gatewayWith('application-networking.k8s.aws/lattice-vpc-association: "true"'),
  goodExample: gatewayWith('application-networking.k8s.aws/standalone: "false"'),
  docs: `${CONTROLLER_DOCS}api-types/gateway/`,
  check(ctx) {
    const kind = ctx.resource.kind;
    for (const key of latticeAnnotations(ctx.value).keys()) {
      if (WRITTEN_ANNOTATIONS.includes(key) || READ_ANNOTATIONS[key]?.includes(kind)) continue;
      if (RULE_PRIORITY_ANNOTATION.test(key) && (kind === 'HTTPRoute' || kind === 'GRPCRoute')) continue;
      const shown = `${LATTICE_ANNOTATION_PREFIX}${truncate(key)}`;
      let message: string;
      if (DEAD_ANNOTATIONS[key]) message = `${shown} has no effect: ${DEAD_ANNOTATIONS[key]}`;
      else if (READ_ANNOTATIONS[key])
        message = `${shown} is read only on ${READ_ANNOTATIONS[key].join(', ')}, not on a ${kind}: it has no effect here`;
      else {
        const suggestion = key.length <= 100 ? closestName(key, KNOWN) : undefined;
        message = `${shown} is not an annotation of the AWS Gateway API Controller: it has no effect${suggestion ? `; did you mean ${LATTICE_ANNOTATION_PREFIX}${suggestion}?` : ''}`;
      }
      ctx.report({ path: annotationPath(key), target: 'key', bare: true, message });
    }
  },
  holdsInWorkspace: boundToLattice,
});
