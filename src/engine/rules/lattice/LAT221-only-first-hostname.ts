import { hostnamesOf } from '../../model/lattice';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const ROUTE = (hostnames: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `${hostnames}${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`,
    ),
  );

export default defineRule({
  code: 'LAT221',
  slug: 'only-first-hostname',
  kinds: ROUTE_KINDS,
  category: 'semantics',
  defaultSeverity: 'info',
  summary:
    'A Lattice route lists several hostnames: only the first becomes the service’s custom domain name.',
  why: 'A VPC Lattice service has one custom domain name. The controller uses `hostnames[0]` when it creates the service and never changes it afterwards (Lattice cannot); the other names only take part in listener hostname matching. Clients using them reach nothing unless DNS points them at the service and its certificate covers them.',
  badExample: ROUTE('  hostnames:\n    - rates.hotel.example.com\n    - rates.example.com\n'),
  goodExample: ROUTE('  hostnames:\n    - rates.hotel.example.com\n'),
  docs: `${CONTROLLER_DOCS}guides/custom-domain-name/`,
  check(ctx) {
    const [first, ...others] = hostnamesOf(ctx.value);
    if (others.length === 0) return;
    ctx.report({
      path: ['spec', 'hostnames', 1],
      bare: true,
      message: `only the first hostname ("${first}") becomes the Lattice custom domain, and only when the service is created; ${others.length === 1 ? 'this one is' : `these ${others.length} are`} not served by that name`,
    });
  },
  holdsInWorkspace: boundToLattice,
});
