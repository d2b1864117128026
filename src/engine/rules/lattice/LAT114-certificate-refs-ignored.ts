import { listenersOf } from '../../model/lattice';
import { asList, asRecord } from '../../util/values';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS } from './common';
import { latticeGateway, LISTENER_HTTPS } from './examples';

export const CERTIFICATE_ARN_OPTION = 'application-networking.k8s.aws/certificate-arn';

export default defineRule({
  code: 'LAT114',
  slug: 'certificate-refs-ignored',
  kinds: ['Gateway'],
  category: 'controller',
  defaultSeverity: 'warning',
  summary:
    'An HTTPS listener of a Lattice Gateway names certificate Secrets in `certificateRefs` but no ACM certificate in `tls.options`: the Secrets are ignored.',
  why: 'The AWS Gateway API Controller never reads certificate Secrets. It gives VPC Lattice the ACM certificate named by the listener option `application-networking.k8s.aws/certificate-arn`; without it Lattice serves its own certificate, valid only for the generated `*.on.aws` domain (or the controller looks for an ACM certificate matching the route hostname). Put the certificate in ACM and its ARN in `tls.options`.',
  badExample: latticeGateway(
    '    - name: https\n      protocol: HTTPS\n      port: 443\n      tls:\n        mode: Terminate\n        certificateRefs:\n          - name: rates-tls',
  ),
  goodExample: latticeGateway(LISTENER_HTTPS),
  docs: `${CONTROLLER_DOCS}guides/https/`,
  check(ctx) {
    listenersOf(ctx.value).forEach((listener, index) => {
      if (listener.protocol !== 'HTTPS' || !listener.tls) return;
      const refs = asList(listener.tls.certificateRefs);
      if (refs.length === 0 || asRecord(listener.tls.options)[CERTIFICATE_ARN_OPTION] !== undefined) return;
      ctx.report({
        path: ['spec', 'listeners', index, 'tls', 'certificateRefs'],
        target: 'key',
        bare: true,
        message: `listener "${String(listener.name)}": the Lattice controller ignores certificateRefs; without the tls.options "${CERTIFICATE_ARN_OPTION}" Lattice serves its own certificate, valid only for the generated domain. Put the certificate's ACM ARN in that option.`,
      });
    });
  },
  holdsInWorkspace: boundToLattice,
});
