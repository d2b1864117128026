import { checkAuthPolicy } from '../../model/latticeAuthPolicy';
import { defineRule } from '../types';
import { policy } from './examples';
import { policyProblemRange, policyText } from './LAT406-auth-policy-json';

const IAP = (action: string) =>
  policy(
    'IAMAuthPolicy',
    `  targetRef:\n    group: gateway.networking.k8s.io\n    kind: Gateway\n    name: my-hotel\n  policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"${action}","Resource":"*"}]}'`,
    'my-hotel-auth',
  );

export default defineRule({
  code: 'LAT407',
  slug: 'auth-policy-action',
  kinds: ['IAMAuthPolicy'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary:
    'An auth policy uses actions or condition keys of the VPC Lattice management API (`vpc-lattice:`) instead of `vpc-lattice-svcs:`: they match no request.',
  why: 'Requests to Lattice services are authorised against the `vpc-lattice-svcs` service: the actions `vpc-lattice-svcs:Invoke` (HTTP) and `vpc-lattice-svcs:Connect`, and condition keys such as `vpc-lattice-svcs:RequestHeader/<name>` or `vpc-lattice-svcs:SourceVpc`. `vpc-lattice:` names the API that manages Lattice. An Allow statement with it allows nothing, so with the policy in place (auth type AWS_IAM) every request is refused with 403.',
  badExample: IAP('vpc-lattice:Invoke'),
  goodExample: IAP('vpc-lattice-svcs:Invoke'),
  docs: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_vpclatticeservices.html',
  check(ctx) {
    const text = policyText(ctx.value);
    if (text === undefined) return;
    for (const problem of checkAuthPolicy(text).neverMatches) {
      ctx.report({
        path: ['spec', 'policy'],
        bare: true,
        range: policyProblemRange(ctx, problem),
        message: problem.message,
      });
    }
  },
});
