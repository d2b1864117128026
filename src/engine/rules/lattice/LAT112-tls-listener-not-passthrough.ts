import { listenersOf } from '../../model/lattice';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS } from './common';
import { latticeGateway } from './examples';

export default defineRule({
  code: 'LAT112',
  slug: 'tls-listener-not-passthrough',
  kinds: ['Gateway'],
  category: 'controller',
  defaultSeverity: 'error',
  summary:
    'A Lattice Gateway listener has `protocol: TLS` with `tls.mode: Terminate`; Lattice only passes TLS through.',
  why: 'The Gateway API accepts TLS termination on a TLS listener, but VPC Lattice has no such listener: it terminates TLS only on HTTPS listeners and otherwise passes TLS through to the targets. The controller asks Lattice for a "TLS" listener and the creation fails. Use `mode: Passthrough` (with a TLSRoute), or `protocol: HTTPS` to terminate TLS.',
  badExample: latticeGateway(
    '    - name: tls\n      protocol: TLS\n      port: 443\n      tls:\n        mode: Terminate\n        options:\n          application-networking.k8s.aws/certificate-arn: arn:aws:acm:us-west-2:111122223333:certificate/4a7e1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c',
  ),
  goodExample: latticeGateway(
    '    - name: tls\n      protocol: TLS\n      port: 443\n      tls:\n        mode: Passthrough',
  ),
  docs: `${CONTROLLER_DOCS}api-types/tls-route/`,
  check(ctx) {
    listenersOf(ctx.value).forEach((listener, index) => {
      if (listener.protocol !== 'TLS' || !listener.tls || typeof listener.tls !== 'object') return;
      // The CRD defaults an omitted mode to Terminate.
      if ((listener.tls.mode ?? 'Terminate') !== 'Terminate') return;
      const written = listener.tls.mode !== undefined;
      ctx.report({
        path: ['spec', 'listeners', index, 'tls', ...(written ? ['mode'] : [])],
        target: written ? 'value' : 'key',
        bare: true,
        message: `listener "${String(listener.name)}": TLS termination on a TLS listener is not available on VPC Lattice (only passthrough); set tls.mode to Passthrough, or use protocol HTTPS to terminate TLS`,
      });
    });
  },
  holdsInWorkspace: boundToLattice,
});
