import { renderValue } from '../../util/strings';
import { asRecord } from '../../util/values';
import { defineRule } from '../types';
import { CONTROLLER_DOCS } from './common';
import { policy } from './examples';

/** `200`, `200-299`, `200,202`: what a Lattice health check's success codes may be. */
const STATUS_MATCH = /^\d{3}(-\d{3})?(,\d{3}(-\d{3})?)*$/;

const TGP = (check: string) =>
  policy(
    'TargetGroupPolicy',
    `  targetRef:\n    group: ""\n    kind: Service\n    name: rates\n  protocol: HTTPS\n  healthCheck:\n    enabled: true\n    path: /healthz\n${check}`,
  );

export default defineRule({
  code: 'LAT412',
  slug: 'tgp-health-check',
  kinds: ['TargetGroupPolicy'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary:
    'A TargetGroupPolicy health check that cannot succeed: HTTP checks against HTTPS targets, a `statusMatch` that is not a list of status codes, or a `path` without a leading `/`.',
  why: 'Targets that fail their health check get no traffic (503 from Lattice). The health check protocol defaults to HTTP even when the targets speak HTTPS; `statusMatch` takes HTTP codes and ranges (`200`, `200-299`, `200,202`), not a regular expression; and the path is sent as written.',
  badExample: TGP('    statusMatch: "2.."'),
  goodExample: TGP('    protocol: HTTPS\n    statusMatch: "200-299"'),
  docs: `${CONTROLLER_DOCS}guides/https/`,
  check(ctx) {
    const spec = asRecord(ctx.value.spec);
    const check = asRecord(spec.healthCheck);
    if (spec.healthCheck === undefined || check.enabled === false) return;
    if (spec.protocol === 'HTTPS' && (check.protocol ?? 'HTTP') === 'HTTP') {
      ctx.report({
        path: ['spec', 'healthCheck', ...(check.protocol !== undefined ? ['protocol'] : [])],
        target: check.protocol !== undefined ? 'value' : 'key',
        bare: true,
        message: `the targets speak HTTPS but the health check uses ${check.protocol === undefined ? 'HTTP (its default)' : 'HTTP'}: the checks fail and the targets get no traffic. Set healthCheck.protocol: HTTPS.`,
      });
    }
    if (typeof check.statusMatch === 'string' && !STATUS_MATCH.test(check.statusMatch.replace(/\s/g, ''))) {
      ctx.report({
        path: ['spec', 'healthCheck', 'statusMatch'],
        bare: true,
        message: `statusMatch ${renderValue(check.statusMatch)} is not HTTP status codes or ranges (such as "200", "200-299" or "200,202")`,
      });
    }
    if (typeof check.path === 'string' && !check.path.startsWith('/')) {
      ctx.report({
        path: ['spec', 'healthCheck', 'path'],
        bare: true,
        message: `health check path ${renderValue(check.path)} does not start with "/"`,
      });
    }
  },
});
