import { renderValue } from '../../util/strings';
import { asRecord } from '../../util/values';
import { replaceValueFix } from '../fixes/valueEdits';
import { defineRule } from '../types';
import { CONTROLLER_DOCS } from './common';
import { policy } from './examples';

const VALUES: Record<'protocol' | 'protocolVersion', readonly string[]> = {
  protocol: ['HTTP', 'HTTPS', 'TCP'],
  protocolVersion: ['HTTP1', 'HTTP2'],
};

const TGP = (protocol: string) =>
  policy(
    'TargetGroupPolicy',
    `  targetRef:\n    group: ""\n    kind: Service\n    name: rates\n  protocol: ${protocol}`,
  );

export default defineRule<{ suggestion?: string }>({
  code: 'LAT410',
  slug: 'tgp-protocol-values',
  kinds: ['TargetGroupPolicy'],
  category: 'aws-limit',
  defaultSeverity: 'error',
  summary:
    "A TargetGroupPolicy's `protocol` is not exactly HTTP, HTTPS or TCP, or its `protocolVersion` not exactly HTTP1 or HTTP2.",
  why: 'The CRD leaves these two fields free text, and the controller passes them to VPC Lattice unchanged. Lattice accepts only the exact values (upper case): `http`, `Http2` or `GRPC` fail when the target group is created, and the backend gets no target group.',
  badExample: TGP('http'),
  goodExample: TGP('HTTP'),
  docs: `${CONTROLLER_DOCS}api-types/target-group-policy/`,
  check(ctx) {
    const spec = asRecord(ctx.value.spec);
    for (const field of ['protocol', 'protocolVersion'] as const) {
      const value = spec[field];
      if (typeof value !== 'string' || VALUES[field].includes(value)) continue;
      const suggestion = VALUES[field].find((allowed) => allowed === value.trim().toUpperCase());
      ctx.report({
        path: ['spec', field],
        bare: true,
        message: `${field} ${renderValue(value)} is not one VPC Lattice accepts (${VALUES[field].join(', ')}, exactly): the target group cannot be created${suggestion ? `; use ${suggestion}` : ''}`,
        data: { suggestion },
      });
    }
  },
  fix(ctx, finding) {
    const suggestion = finding.data?.suggestion;
    return suggestion ? [replaceValueFix(ctx, finding.path, suggestion)] : [];
  },
});
