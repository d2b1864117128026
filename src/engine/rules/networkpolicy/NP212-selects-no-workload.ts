import { isNetworkPolicy } from '../../connectivity/build';
import { readPolicy } from '../../connectivity/policyInput';
import { mentionsPlaceholder, policySelection, workloadList } from '../../connectivity/selection';
import { withConditions } from '../../editing/explain/words';
import { workloadIndex } from '../../model/workloadIndex';
import { asRecord } from '../../util/values';
import { defineRule } from '../types';

const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 8080
`;

const policy = (app: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: ${app}
  policyTypes: [Ingress]
  ingress:
    - ports:
        - protocol: TCP
          port: 8080
`;

export default defineRule({
  code: 'NP212',
  slug: 'selects-no-workload',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary: "The policy's podSelector selects none of the workloads of its namespace in the workspace.",
  why: 'A policy applies only to the pods its podSelector selects. When the workspace holds the workloads of the namespace and none of their pod templates has the labels, the policy protects nothing, usually because of a typo or a label that was renamed on one side. Checked only for namespaces whose workloads are in the workspace (the files of one `eksnet lint` run, or the open files in the editor); `eksNetworking.connectivity.workspaceChecks` turns it off.',
  badExample: `${WORKLOADS}${policy('frontend')}`,
  goodExample: `${WORKLOADS}${policy('web')}`,
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
  checkWorkspace(ctx) {
    if (!ctx.settings.workspaceChecks) return;
    const workloads = workloadIndex(ctx.workspace);
    if (workloads.byNamespace.size === 0) return;
    for (const object of ctx.objects) {
      if (!isNetworkPolicy(object)) continue;
      const policy = readPolicy(object.value, object);
      if (policy.podSelector.invalid) continue;
      const selection = policySelection(policy, workloads);
      if (selection.considered.length === 0 || selection.matched.length > 0) continue;
      const raw = asRecord(object.value.spec).podSelector;
      if (mentionsPlaceholder(raw)) continue;
      if (selection.considered.some((workload) => mentionsPlaceholder(workload.labels))) continue;
      ctx.report(object, {
        path: ['spec', 'podSelector'],
        target: 'key',
        message: `selects pods ${withConditions(raw)} in namespace "${policy.namespace}", but no workload of that namespace in the workspace has them (workloads there: ${workloadList(selection.considered)}): the policy applies to no pod. Check the labels against the pod templates.`,
      });
    }
  },
});
