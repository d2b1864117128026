import { isScalar } from 'yaml';
import { checkAuthPolicy, type PolicyProblem } from '../../model/latticeAuthPolicy';
import { scalarValueOffsets } from '../../parse/scalarOffsets';
import type { OffsetRange } from '../../types';
import { isPlaceholder } from '../../util/placeholders';
import { asRecord } from '../../util/values';
import { defineRule, type RuleContext } from '../types';
import { CONTROLLER_DOCS } from './common';
import { policy } from './examples';

const IAP = (json: string) =>
  policy(
    'IAMAuthPolicy',
    `  targetRef:\n    group: gateway.networking.k8s.io\n    kind: Gateway\n    name: my-hotel\n  policy: |\n${json
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n')}`,
    'my-hotel-auth',
  );

const GOOD =
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "AWS": "arn:aws:iam::111122223333:role/checkout" },\n      "Action": "vpc-lattice-svcs:Invoke",\n      "Resource": "*"\n    }\n  ]\n}';

/** Places problems found in the JSON text of `spec.policy` on the characters of the YAML scalar. */
export function policyProblemRange(ctx: RuleContext<unknown>, problem: PolicyProblem): OffsetRange {
  const node = ctx.locate(['spec', 'policy'])?.value;
  const offsets = isScalar(node) ? scalarValueOffsets(ctx.text, node) : undefined;
  if (!offsets || offsets.length === 0) return ctx.rangeOf(['spec', 'policy'], 'value');
  const start = offsets[Math.min(problem.start, offsets.length - 1)];
  const last = offsets[Math.min(Math.max(problem.end - 1, problem.start), offsets.length - 1)];
  // The last character may be written as an escape (`\"`): end where the next character starts.
  const next = problem.end < offsets.length ? offsets[problem.end] : undefined;
  const end = next !== undefined && next > last && next <= last + 10 ? next : last + 1;
  return { start, end: Math.max(end, start + 1) };
}

/** The policy text, when it is one to check (a string, not a template placeholder). */
export function policyText(value: Record<string, unknown>): string | undefined {
  const text = asRecord(value.spec).policy;
  return typeof text === 'string' && !isPlaceholder(text.trim().slice(0, 200)) ? text : undefined;
}

export default defineRule({
  code: 'LAT406',
  slug: 'auth-policy-json',
  kinds: ['IAMAuthPolicy'],
  category: 'aws-limit',
  defaultSeverity: 'error',
  summary:
    "An IAMAuthPolicy's `policy` is not a valid IAM policy document: not JSON, over 10 KB, or missing what a statement needs.",
  why: 'The controller passes `spec.policy` to VPC Lattice as it is. Lattice refuses text that is not JSON, a document over 10 KB (a fixed quota), and statements without `Effect` ("Allow" or "Deny"), `Principal` or `Action`; the policy is then not applied, and the service network or service stays as it was. The diagnostic points at the place inside the JSON.',
  badExample: IAP(GOOD.replace('"Allow",', '"Allow"')),
  goodExample: IAP(GOOD),
  docs: `${CONTROLLER_DOCS}api-types/iam-auth-policy/`,
  check(ctx) {
    const text = policyText(ctx.value);
    if (text === undefined) return;
    for (const problem of checkAuthPolicy(text).invalid) {
      ctx.report({
        path: ['spec', 'policy'],
        bare: true,
        range: policyProblemRange(ctx, problem),
        message: problem.message,
      });
    }
  },
});
