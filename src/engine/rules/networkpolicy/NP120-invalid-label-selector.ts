import { checkLabelSelector, OWNS_OPERATOR_ENUM, selectorFixes } from '../labelSelector';
import type { SuggestionData } from '../fixes/valueEdits';
import { defineRule } from '../types';
import { policyPeers, readNetworkPolicy } from '../../model/networkPolicy';

export default defineRule<SuggestionData>({
  code: 'NP120',
  slug: 'invalid-label-selector',
  kinds: ['NetworkPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary:
    'A label selector has an invalid label key or value, an unknown operator (they are case-sensitive: `In`, `NotIn`, `Exists`, `DoesNotExist`), `In`/`NotIn` without values, or `Exists`/`DoesNotExist` with values.',
  why: 'The API server rejects the policy. Label keys are an optional DNS prefix and `/` plus a name of at most 63 letters, digits, `-`, `_` or `.`; values are at most 63 of the same characters (or empty).',
  badExample: 'podSelector:\n  matchExpressions:\n    - key: app\n      operator: In\n      values: []',
  goodExample: 'podSelector:\n  matchExpressions:\n    - key: app\n      operator: In\n      values: [web]',
  ownsViolations: [OWNS_OPERATOR_ENUM],
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set',
  check(ctx) {
    checkLabelSelector(ctx, ['spec', 'podSelector']);
    for (const { path: peerPath } of policyPeers(readNetworkPolicy(ctx.value))) {
      checkLabelSelector(ctx, [...peerPath, 'podSelector']);
      checkLabelSelector(ctx, [...peerPath, 'namespaceSelector']);
    }
  },
  fix: selectorFixes,
});
