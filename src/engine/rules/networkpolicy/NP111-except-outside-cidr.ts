import { isStrictSubset, parseCidr } from '../../util/cidr';
import { asList, asRecord } from '../../util/values';
import { removeSequenceItem } from '../sequenceEdits';
import { defineRule } from '../types';
import { policyPeers, readNetworkPolicy } from '../../model/networkPolicy';
import { renderValue } from '../../util/strings';
import { manifest } from '../example';

export default defineRule<{ exceptIndex: number }>({
  code: 'NP111',
  slug: 'except-outside-cidr',
  kinds: ['NetworkPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary:
    'An `ipBlock.except` entry is not a strict subset of `cidr`: outside it, equal to it, or of the other IP family.',
  why: 'The API server rejects the policy with "must be a strict subset of `cidr`". An except equal to the whole block would leave nothing; write a smaller range or drop the peer.',
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-web
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Ingress
      ingress:
        - from:
            - ipBlock:
                cidr: 10.0.0.0/16
                except:
                  - 10.1.0.0/24
          ports:
            - protocol: TCP
              port: 8080
  `,
  goodExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-web
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Ingress
      ingress:
        - from:
            - ipBlock:
                cidr: 10.0.0.0/16
                except:
                  - 10.0.1.0/24
          ports:
            - protocol: TCP
              port: 8080
  `,
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
  check(ctx) {
    for (const { raw: peer, path: peerPath } of policyPeers(readNetworkPolicy(ctx.value))) {
      const block = asRecord(peer.ipBlock);
      const cidr = typeof block.cidr === 'string' ? parseCidr(block.cidr) : undefined;
      if (!cidr) continue; // NP110 reports an invalid cidr; the API server then skips `except`
      asList(block.except).forEach((entry, index) => {
        const inner = typeof entry === 'string' ? parseCidr(entry) : undefined;
        if (!inner || isStrictSubset(inner, cidr)) return;
        ctx.report({
          path: [...peerPath, 'ipBlock', 'except', index],
          message: `Invalid value: ${renderValue(entry)}: must be a strict subset of \`cidr\``,
          data: { exceptIndex: index },
        });
      });
    }
  },
  fix(ctx, finding) {
    const index = finding.data?.exceptIndex;
    if (typeof index !== 'number') return [];
    const edit = removeSequenceItem(ctx, finding.path.slice(0, -1), index);
    return edit ? [{ title: 'Remove this except entry', safe: false, edits: [edit] }] : [];
  },
});
