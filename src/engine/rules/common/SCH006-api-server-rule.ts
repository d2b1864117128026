import type { CelReport } from '../../schema/cel/celValidation';
import { LATTICE_KINDS } from '../../route/latticeResourceTypes';
import { findPlaceholders } from '../templates';
import { valueAt } from '../../util/values';
import type { Path } from '../../types';
import { defineRule } from '../types';

/** Loaded on the first Gateway API document: the CEL runtime is not needed for the other kinds. */
function celValidateById(schemaId: string, value: unknown): CelReport {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cel = require('../../schema/cel/celValidation') as typeof import('../../schema/cel/celValidation');
  return cel.celValidateById(schemaId, value);
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

export default defineRule<{ rule: string }>({
  code: 'SCH006',
  slug: 'api-server-rule',
  kinds: LATTICE_KINDS,
  category: 'schema',
  defaultSeverity: 'error',
  summary:
    "A validation rule of the resource's CRD (`x-kubernetes-validations`, written in CEL) fails; the message is the CRD's own.",
  why: 'The Gateway API CRDs carry rules that a JSON Schema cannot express (listener names unique, `tls` only on TLS protocols, a redirect filter without backends, an absolute path). The API server evaluates them on create and update and rejects the object with the message shown. Rules that compare an update with the stored object are not checked here.',
  badExample:
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: my-hotel\n  namespace: hotel\nspec:\n  gatewayClassName: istio\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n    - name: http\n      protocol: HTTP\n      port: 8080',
  goodExample:
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: my-hotel\n  namespace: hotel\nspec:\n  gatewayClassName: istio\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n    - name: http-alt\n      protocol: HTTP\n      port: 8080',
  docs: 'https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules',
  check(ctx) {
    const report = celValidateById(ctx.resource.schemaId, ctx.value);
    const templated = findPlaceholders(ctx).map((placeholder) => placeholder.path);
    for (const violation of report.violations) {
      // A rule that cannot run on a value of the wrong type: the schema rules already report it.
      if (violation.evaluationError && ctx.schemaViolations.length > 0) continue;
      // Placeholders are checked once rendered (TPL001), as for the schema.
      if (templated.some((path) => startsWith(path, violation.path) || startsWith(violation.path, path)))
        continue;
      // A duplicate list-map item is shown at its (first) key, not as the whole item.
      const key = /^unique ([^,]+)/.exec(violation.rule)?.[1];
      const path =
        key && valueAt(ctx.value, [...violation.path, key]) !== undefined
          ? [...violation.path, key]
          : violation.path;
      const value = valueAt(ctx.value, path);
      const container = typeof value === 'object' && value !== null;
      ctx.report({
        path: path.length > 0 ? path : ['kind'],
        target: container ? 'key' : 'value',
        bare: path.length === 0,
        message: violation.message,
        data: { rule: violation.rule },
      });
    }
  },
});
