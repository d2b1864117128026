import { checkObjectMeta } from '../metadata';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule({
  code: 'SGP103',
  slug: 'invalid-metadata',
  kinds: ['SecurityGroupPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary:
    'The name is missing or not a DNS subdomain, the namespace is not a DNS label, or a label or annotation has invalid syntax.',
  why: 'The API server rejects the object before the controller sees it.',
  badExample: manifest`
    apiVersion: vpcresources.k8s.aws/v1beta1
    kind: SecurityGroupPolicy
    metadata:
      name: DB-Access
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: db-client
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
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  check(ctx) {
    checkObjectMeta(ctx, { namespaced: true });
  },
});
