import { checkLabelSelector, OWNS_OPERATOR_ENUM, selectorFixes } from '../labelSelector';
import type { SuggestionData } from '../fixes/valueEdits';
import { defineRule } from '../types';

export default defineRule<SuggestionData>({
  code: 'SGP102',
  slug: 'invalid-label-selector',
  kinds: ['SecurityGroupPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary:
    '`podSelector` or `serviceAccountSelector` has an invalid label key or value, an unknown operator (they are case-sensitive: `In`, `NotIn`, `Exists`, `DoesNotExist`), `In`/`NotIn` without values, or `Exists`/`DoesNotExist` with values.',
  why: 'The controller cannot turn the selector into a label query; it logs the error and treats the policy as matching no pod, so pods start without their security groups.',
  badExample:
    'podSelector:\n  matchExpressions:\n    - key: role\n      operator: Exists\n      values: [db]',
  goodExample: 'podSelector:\n  matchExpressions:\n    - key: role\n      operator: Exists',
  ownsViolations: [OWNS_OPERATOR_ENUM],
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set',
  check(ctx) {
    checkLabelSelector(ctx, ['spec', 'podSelector']);
    checkLabelSelector(ctx, ['spec', 'serviceAccountSelector']);
  },
  fix: selectorFixes,
});
