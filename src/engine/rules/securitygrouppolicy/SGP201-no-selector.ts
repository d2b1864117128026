import { readSecurityGroupPolicy } from '../../model/securityGroupPolicy';
import { asRecord } from '../../util/values';
import { defineRule } from '../types';
import { manifest } from '../example';

const KNOWN_FIELDS = new Set(['podSelector', 'serviceAccountSelector', 'securityGroups']);

export default defineRule({
  code: 'SGP201',
  slug: 'no-selector',
  kinds: ['SecurityGroupPolicy'],
  category: 'controller',
  defaultSeverity: 'error',
  summary: 'Neither `podSelector` nor `serviceAccountSelector` is set.',
  why: 'The API server accepts it, but the VPC resource controller logs the policy as invalid and skips it entirely: no pod gets these security groups, so the resource has no effect at all (an error, as for anything that can never do what it is for). Use `podSelector: {}` to match every pod in the namespace.',
  badExample: manifest`
    apiVersion: vpcresources.k8s.aws/v1beta1
    kind: SecurityGroupPolicy
    metadata:
      name: db-access
      namespace: shop
    spec:
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
        matchLabels:
          app: db-client
      securityGroups:
        groupIds:
          - sg-0123456789abcdef0
  `,
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/sg-pods-example-deployment.html',
  check(ctx) {
    if (readSecurityGroupPolicy(ctx.value).ignored !== 'no-selector') return;
    // A misspelled selector (`podselector:`) is reported by SCH001 with the right name.
    if (Object.keys(asRecord(ctx.value.spec)).some((key) => !KNOWN_FIELDS.has(key))) return;
    ctx.report({
      path: ctx.value.spec === undefined ? ['kind'] : ['spec'],
      target: 'key',
      bare: true,
      message:
        'No podSelector or serviceAccountSelector: the VPC resource controller skips this SecurityGroupPolicy, so it has no effect. Add `podSelector` (use `{}` for every pod in the namespace).',
    });
  },
});
