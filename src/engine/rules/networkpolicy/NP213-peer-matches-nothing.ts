import { isNetworkPolicy } from '../../connectivity/build';
import { readPolicy } from '../../connectivity/policyInput';
import {
  mentionsPlaceholder,
  namespaceList,
  peerSelection,
  workloadList,
} from '../../connectivity/selection';
import { peerPhrase } from '../../editing/explain/networkPolicy';
import { workloadIndex } from '../../model/workloadIndex';
import { asList, asRecord } from '../../util/values';
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
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: shop
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: postgres
          image: postgres:16
          ports:
            - containerPort: 5432
`;

const policy = (from: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: db
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: ${from}
      ports:
        - protocol: TCP
          port: 5432
`;

export default defineRule({
  code: 'NP213',
  slug: 'peer-matches-nothing',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary: 'A `from`/`to` peer selects none of the workloads of the namespaces it looks in.',
  why: 'A pod peer (podSelector, namespaceSelector or both) allows traffic only with the pods it matches. When the workspace holds the workloads of those namespaces and none of them matches, the rule allows nothing, usually because of a typo or a label renamed on one side. Checked only for namespaces whose workloads are in the workspace, so a peer in a namespace defined elsewhere (kube-system, a shared monitoring namespace) is not flagged; `eksNetworking.connectivity.workspaceChecks` turns it off.',
  badExample: `${WORKLOADS}${policy('frontend')}`,
  goodExample: `${WORKLOADS}${policy('web')}`,
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors',
  checkWorkspace(ctx) {
    if (!ctx.settings.workspaceChecks) return;
    const workloads = workloadIndex(ctx.workspace);
    if (workloads.byNamespace.size === 0) return;
    for (const object of ctx.objects) {
      if (!isNetworkPolicy(object)) continue;
      const policy = readPolicy(object.value, object);
      const spec = asRecord(object.value.spec);
      for (const direction of ['ingress', 'egress'] as const) {
        const field = direction === 'ingress' ? 'from' : 'to';
        for (const rule of policy[direction]) {
          const rawPeers = asList(asRecord(asList(spec[direction])[rule.index])[field]);
          for (const peer of rule.peers ?? []) {
            if (peer.kind !== 'pods' || peer.podSelector?.invalid || peer.namespaceSelector?.invalid)
              continue;
            const selection = peerSelection(policy, peer, workloads);
            if (selection.considered.length === 0 || selection.matched.length > 0) continue;
            const raw = asRecord(rawPeers[peer.index]);
            if (mentionsPlaceholder(raw)) continue;
            if (selection.considered.some((workload) => mentionsPlaceholder(workload.labels))) continue;
            ctx.report(object, {
              path: [
                'spec',
                direction,
                rule.index,
                field,
                peer.index,
                peer.podSelector ? 'podSelector' : 'namespaceSelector',
              ],
              target: 'key',
              message: `this peer matches ${peerPhrase(raw, policy.namespace)}, but no workload of ${namespaceList(selection.namespaces)} in the workspace is one (workloads there: ${workloadList(selection.considered)}): the peer allows nothing. Check the labels against the pod templates.`,
            });
          }
        }
      }
    }
  },
});
