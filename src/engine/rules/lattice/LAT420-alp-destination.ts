import { isPlaceholder } from '../../util/placeholders';
import { renderValue } from '../../util/strings';
import { asRecord } from '../../util/values';
import { defineRule } from '../types';
import { CONTROLLER_DOCS } from './common';
import { policy } from './examples';

/** The destination services of Lattice access logs, told apart by the ARN's service. */
export function destinationType(arn: string): 's3' | 'logs' | 'firehose' | undefined {
  if (/^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(arn)) return 's3';
  if (/^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[^:]+(:\*)?$/.test(arn)) return 'logs';
  if (/^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/.+$/.test(arn)) return 'firehose';
  return undefined;
}

const ALP = (arn: string) =>
  policy(
    'AccessLogPolicy',
    `  targetRef:\n    group: gateway.networking.k8s.io\n    kind: Gateway\n    name: my-hotel\n    namespace: hotel\n  destinationArn: ${arn}`,
    'my-hotel-logs',
  );

export default defineRule({
  code: 'LAT420',
  slug: 'alp-destination',
  kinds: ['AccessLogPolicy'],
  category: 'aws-format',
  defaultSeverity: 'error',
  summary:
    "An AccessLogPolicy's `destinationArn` is not an S3 bucket, a CloudWatch Logs log group or a Kinesis Data Firehose delivery stream.",
  why: 'VPC Lattice delivers access logs to three kinds of destination: `arn:aws:s3:::<bucket>`, `arn:aws:logs:<region>:<account>:log-group:<name>` and `arn:aws:firehose:<region>:<account>:deliverystream/<name>`. The CRD accepts any ARN; another service (an SNS topic, an S3 object key, a log stream) fails when the subscription is created.',
  badExample: ALP('arn:aws:sns:us-west-2:111122223333:access-logs'),
  goodExample: ALP('arn:aws:logs:us-west-2:111122223333:log-group:/lattice/my-hotel'),
  docs: `${CONTROLLER_DOCS}api-types/access-log-policy/`,
  check(ctx) {
    const arn = asRecord(ctx.value.spec).destinationArn;
    if (typeof arn !== 'string' || isPlaceholder(arn) || destinationType(arn)) return;
    ctx.report({
      path: ['spec', 'destinationArn'],
      bare: true,
      message: `${renderValue(arn)} is not an S3 bucket, CloudWatch Logs log group or Firehose delivery stream ARN: VPC Lattice cannot deliver access logs there`,
    });
  },
});
