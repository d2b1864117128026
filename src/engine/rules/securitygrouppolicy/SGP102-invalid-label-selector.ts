import { checkLabelSelector, OWNS_OPERATOR_ENUM, selectorFixes } from '../labelSelector';
import type { SuggestionData } from '../fixes/valueEdits';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule<SuggestionData>({
  code: 'SGP102',
  slug: 'invalid-label-selector',
  kinds: ['SecurityGroupPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary:
    '`podSelector` or `serviceAccountSelector` has an invalid label key or value, an unknown operator (they are case-sensitive: `In`, `NotIn`, `Exists`, `DoesNotExist`), `In`/`NotIn` without values, or `Exists`/`DoesNotExist` with values.',
  why: 'The controller cannot turn the selector into a label query; it logs the error and treats the policy as matching no pod, so pods start without their security groups.',
  badExample: manifest`
    apiVersion: vpcresources.k8s.aws/v1beta1
    kind: SecurityGroupPolicy
    metadata:
      name: db-access
      namespace: shop
    spec:
      podSelector:
        matchExpressions:
          - key: app
            operator: Exists
            values: [db-client]
      securityGroups:
        groupIds:
          - sg-0123456789abcdef0
  `,
  goodExample: manifest`
    apiVersion: vpcresources.k8s.aws/v1beta1
    kind: SecurityGroupPolicy
    metadata:
      name: db-access
      namespace: shop
    spec:
      podSelector:
        matchExpressions:
          - key: app
            operator: Exists
      securityGroups:
        groupIds:
          - sg-0123456789abcdef0
  `,
  ownsViolations: [OWNS_OPERATOR_ENUM],
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set',
  check(ctx) {
    checkLabelSelector(ctx, ['spec', 'podSelector']);
    checkLabelSelector(ctx, ['spec', 'serviceAccountSelector']);
  },
  fix: selectorFixes,
});
