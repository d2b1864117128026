// Building blocks of the Lattice rules' examples. Each example is a whole file, so the bound rules
// find the Lattice Gateway their route or policy needs in the same file.

/** A Gateway of the `amazon-vpc-lattice` class with one HTTP listener (or the listeners given). */
export function latticeGateway(listeners = LISTENER_HTTP, name = 'my-hotel'): string {
  return [
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: Gateway',
    'metadata:',
    `  name: ${name}`,
    '  namespace: hotel',
    'spec:',
    '  gatewayClassName: amazon-vpc-lattice',
    '  listeners:',
    listeners,
  ].join('\n');
}

export const LISTENER_HTTP = '    - name: http\n      protocol: HTTP\n      port: 80';

export const LISTENER_HTTPS =
  '    - name: https\n      protocol: HTTPS\n      port: 443\n      tls:\n        mode: Terminate\n        options:\n          application-networking.k8s.aws/certificate-arn: arn:aws:acm:us-west-2:111122223333:certificate/4a7e1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c';

/** An HTTPRoute `rates` in `hotel` on my-hotel; `spec` is the text after `spec:` (indented by 2). */
export function httpRoute(spec: string, metadata = '', name = 'rates', kind = 'HTTPRoute'): string {
  return [
    'apiVersion: gateway.networking.k8s.io/v1',
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    '  namespace: hotel',
    ...(metadata ? [metadata] : []),
    'spec:',
    spec,
  ].join('\n');
}

export const PARENT = '  parentRefs:\n    - name: my-hotel';

/** The same file: documents joined by `---`. */
export function file(...documents: string[]): string {
  return documents.join('\n---\n');
}

export function policy(kind: string, spec: string, name = 'rates-policy', namespace = 'hotel'): string {
  return [
    'apiVersion: application-networking.k8s.aws/v1alpha1',
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    spec,
  ].join('\n');
}
