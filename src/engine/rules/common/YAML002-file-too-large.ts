import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule({
  code: 'YAML002',
  slug: 'file-too-large',
  kinds: 'any',
  category: 'yaml',
  defaultSeverity: 'warning',
  summary: 'The file is larger than `eksNetworking.maxFileSizeMB` and is not validated.',
  why: 'Validating a huge file on every keystroke would freeze the editor. Raise the setting, or lint the file with `eksnet lint --max-file-size-mb N` in CI.',
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
            - podSelector:
                matchLabels:
                  app: web
          ports:
            - protocol: TCP
              port: 8080
    ---
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-batch
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Ingress
      ingress:
        - from:
            - podSelector:
                matchLabels:
                  app: batch
          ports:
            - protocol: TCP
              port: 8080
  `,
  exampleSettings: { maxFileSizeMB: 0.0005 },
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
            - podSelector:
                matchLabels:
                  app: web
          ports:
            - protocol: TCP
              port: 8080
  `,
  docs: 'https://github.com/eks-networking/eks-networking#settings',
  checkFile(text, settings) {
    const limitBytes = settings.maxFileSizeMB * 1024 * 1024;
    if (text.length <= limitBytes) return [];
    const firstLineEnd = String(text).indexOf('\n');
    const sizeMB = (text.length / 1024 / 1024).toFixed(1);
    return [
      {
        range: { start: 0, end: firstLineEnd === -1 ? Math.min(text.length, 200) : firstLineEnd },
        message: `File is ${sizeMB} MB, larger than eksNetworking.maxFileSizeMB (${settings.maxFileSizeMB} MB): not validated`,
      },
    ];
  },
});
