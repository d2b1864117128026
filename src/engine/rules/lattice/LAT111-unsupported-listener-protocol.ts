import { listenersOf } from '../../model/lattice';
import { renderValue } from '../../util/strings';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS } from './common';
import { latticeGateway } from './examples';

const LATTICE_PROTOCOLS = new Set(['HTTP', 'HTTPS', 'TLS']);

export default defineRule({
  code: 'LAT111',
  slug: 'unsupported-listener-protocol',
  kinds: ['Gateway'],
  category: 'controller',
  defaultSeverity: 'warning',
  summary:
    'A Lattice Gateway listener has a protocol other than HTTP, HTTPS or TLS: no route can attach to it.',
  why: 'VPC Lattice listeners are HTTP, HTTPS or TLS passthrough. The AWS Gateway API Controller attaches HTTPRoute to HTTP and HTTPS listeners, GRPCRoute to HTTPS and TLSRoute to TLS listeners; a TCP, UDP or custom-protocol listener accepts no route kind, so nothing behind it is ever reachable.',
  badExample: latticeGateway('    - name: tcp\n      protocol: TCP\n      port: 5432'),
  goodExample: latticeGateway(),
  docs: `${CONTROLLER_DOCS}api-types/gateway/`,
  check(ctx) {
    listenersOf(ctx.value).forEach((listener, index) => {
      const { protocol } = listener;
      if (typeof protocol !== 'string' || LATTICE_PROTOCOLS.has(protocol)) return;
      ctx.report({
        path: ['spec', 'listeners', index, 'protocol'],
        bare: true,
        message: `protocol ${renderValue(protocol)} is not a VPC Lattice listener protocol (HTTP, HTTPS or TLS passthrough): no route attaches to listener "${String(listener.name)}"`,
      });
    });
  },
  holdsInWorkspace: boundToLattice,
});
