import { asRecord } from '../../util/values';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule<{ remove: true }>({
  code: 'ENI201',
  slug: 'namespace-ignored',
  kinds: ['ENIConfig'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary: '`metadata.namespace` is set on an ENIConfig, which is cluster-scoped.',
  why: 'The API server drops the namespace of a cluster-scoped object. Two ENIConfigs with the same name in different "namespaces" are the same object, and the last one applied wins.',
  badExample: manifest`
    apiVersion: crd.k8s.amazonaws.com/v1alpha1
    kind: ENIConfig
    metadata:
      name: us-west-2a
      namespace: kube-system
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
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network-tutorial.html',
  check(ctx) {
    if (asRecord(ctx.value.metadata).namespace === undefined) return;
    ctx.report({
      path: ['metadata', 'namespace'],
      target: 'key',
      bare: true,
      message: 'ENIConfig is cluster-scoped: metadata.namespace is ignored by the API server; remove it.',
      data: { remove: true },
    });
  },
  fix(ctx, finding) {
    const key = ctx.rangeOf(finding.path, 'key');
    const lineStart = ctx.text.lastIndexOf('\n', key.start - 1) + 1;
    if (ctx.text.slice(lineStart, key.start).trim() !== '') return [];
    const value = ctx.rangeOf(finding.path, 'value');
    const newline = ctx.text.indexOf('\n', Math.max(value.end, key.end));
    const end = newline === -1 ? ctx.text.length : newline + 1;
    return [
      { title: 'Remove metadata.namespace', safe: true, edits: [{ start: lineStart, end, newText: '' }] },
    ];
  },
});
