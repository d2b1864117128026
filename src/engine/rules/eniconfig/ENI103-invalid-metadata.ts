import { checkObjectMeta } from '../metadata';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule({
  code: 'ENI103',
  slug: 'invalid-metadata',
  kinds: ['ENIConfig'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary: 'The name is missing or not a DNS subdomain, or a label or annotation has invalid syntax.',
  why: 'The API server rejects the object. ENIConfig names are usually Availability Zone names, which are valid (`us-west-2a`).',
  badExample: manifest`
    apiVersion: crd.k8s.amazonaws.com/v1alpha1
    kind: ENIConfig
    metadata:
      name: US-West-2a
    spec:
      subnet: subnet-0123456789abcdef0
      securityGroups:
        - sg-0123456789abcdef0
  `,
  goodExample: manifest`
    apiVersion: crd.k8s.amazonaws.com/v1alpha1
    kind: ENIConfig
    metadata:
      name: us-west-2a
    spec:
      subnet: subnet-0123456789abcdef0
      securityGroups:
        - sg-0123456789abcdef0
  `,
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  check(ctx) {
    checkObjectMeta(ctx, { namespaced: false });
  },
});
