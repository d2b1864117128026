import { asList, asRecord, isRecord } from '../../util/values';
import { isEmptySelector } from '../labelSelector';
import { defineRule } from '../types';

export default defineRule({
  code: 'NP204',
  slug: 'selects-all-pods',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary: '`spec.podSelector: {}` on a policy with rules: the rules apply to every pod in the namespace.',
  why: 'That is right for a namespace-wide default-deny, and a surprise when a label was forgotten. On EKS, pods with `hostNetwork: true` are never isolated, whatever the selector.',
  badExample:
    'spec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: frontend',
  goodExample:
    'spec:\n  podSelector:\n    matchLabels:\n      app: backend\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: frontend',
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies',
  check(ctx) {
    const spec = asRecord(ctx.value.spec);
    // Reported for an explicit `{}` on a policy that allows something: for a default-deny policy
    // (no rules), selecting every pod is the point.
    if (!isRecord(spec.podSelector) || !isEmptySelector(spec.podSelector)) return;
    if (asList(spec.ingress).length === 0 && asList(spec.egress).length === 0) return;
    ctx.report({
      path: ['spec', 'podSelector'],
      bare: true,
      message:
        'podSelector: {} selects every pod in the namespace, so these rules apply to all of them. On EKS, pods with hostNetwork: true are never isolated.',
    });
  },
});
