import { listenersOf } from '../../model/lattice';
import { isPlaceholder } from '../../util/placeholders';
import { renderValue } from '../../util/strings';
import { asRecord } from '../../util/values';
import { defineRule } from '../types';
import { boundToLattice } from './common';
import { latticeGateway, LISTENER_HTTPS } from './examples';
import { CERTIFICATE_ARN_OPTION } from './LAT114-certificate-refs-ignored';

const ACM_CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:[a-z]{2}(-[a-z]+)+-\d:\d{12}:certificate\/[A-Za-z0-9-]+$/;

export default defineRule({
  code: 'LAT115',
  slug: 'invalid-certificate-arn',
  kinds: ['Gateway'],
  category: 'aws-format',
  defaultSeverity: 'error',
  summary: 'The `certificate-arn` listener option is not an ACM certificate ARN.',
  why: 'The controller passes the value to VPC Lattice as the service certificate, and Lattice accepts only `arn:<partition>:acm:<region>:<account>:certificate/<id>`, from the region the controller runs in. Anything else (an IAM server certificate, a Secret name, a truncated ARN) fails when the listener is created.',
  badExample: latticeGateway(
    LISTENER_HTTPS.replace(/arn:aws:acm:[^\n]*/, 'arn:aws:iam::111122223333:server-certificate/rates'),
  ),
  goodExample: latticeGateway(LISTENER_HTTPS),
  docs: 'https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateService.html',
  check(ctx) {
    listenersOf(ctx.value).forEach((listener, index) => {
      const arn = asRecord(listener.tls?.options)[CERTIFICATE_ARN_OPTION];
      if (typeof arn !== 'string' || isPlaceholder(arn) || ACM_CERTIFICATE_ARN.test(arn)) return;
      ctx.report({
        path: ['spec', 'listeners', index, 'tls', 'options', CERTIFICATE_ARN_OPTION],
        bare: true,
        message: `${renderValue(arn)} is not an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>): VPC Lattice refuses it when the listener is created`,
      });
    });
  },
  holdsInWorkspace: boundToLattice,
});
