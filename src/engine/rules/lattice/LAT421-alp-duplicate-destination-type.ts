import { findPolicyTarget } from '../../model/latticePolicies';
import { asRecord } from '../../util/values';
import { describePlace } from '../../workspace/objects';
import { defineRule } from '../types';
import { boundObjects, CONTROLLER_DOCS } from './common';
import { file, latticeGateway, policy } from './examples';
import { destinationType } from './LAT420-alp-destination';

const ALP = (name: string, arn: string) =>
  policy(
    'AccessLogPolicy',
    `  targetRef:\n    group: gateway.networking.k8s.io\n    kind: Gateway\n    name: my-hotel\n    namespace: hotel\n  destinationArn: ${arn}`,
    name,
  );

function typeOf(value: Record<string, unknown>): string | undefined {
  const arn = asRecord(value.spec).destinationArn;
  return typeof arn === 'string' ? destinationType(arn) : undefined;
}

export default defineRule({
  code: 'LAT421',
  slug: 'alp-duplicate-destination-type',
  kinds: ['AccessLogPolicy'],
  category: 'aws-limit',
  defaultSeverity: 'error',
  summary: 'Two AccessLogPolicies send the logs of one target to the same kind of destination.',
  why: 'A Lattice service network or service takes one access log subscription per destination type: one S3 bucket, one log group, one Firehose stream. The second policy of a type is `Conflicted` ("An Access Log Policy with a Destination Arn for the same destination type already exists for this targetRef"). Logs to an S3 bucket and a log group at once are fine.',
  badExample: file(
    latticeGateway(),
    ALP('my-hotel-logs', 'arn:aws:s3:::my-hotel-access-logs'),
    ALP('my-hotel-audit', 'arn:aws:s3:::my-hotel-audit'),
  ),
  goodExample: file(
    latticeGateway(),
    ALP('my-hotel-logs', 'arn:aws:s3:::my-hotel-access-logs'),
    ALP('my-hotel-audit', 'arn:aws:logs:us-west-2:111122223333:log-group:/lattice/my-hotel'),
  ),
  docs: `${CONTROLLER_DOCS}api-types/access-log-policy/`,
  checkWorkspace(ctx) {
    for (const { object, view } of boundObjects(ctx, ['AccessLogPolicy'])) {
      const type = typeOf(object.value);
      const target = type ? findPolicyTarget(object, view.objects) : undefined;
      if (!type || !target) continue;
      const first = view.objects.find(
        (candidate) =>
          candidate.kind === 'AccessLogPolicy' &&
          typeOf(candidate.value) === type &&
          findPolicyTarget(candidate, view.objects)?.value === target.value,
      );
      if (!first || first.value === object.value) continue;
      ctx.report(object, {
        path: ['spec', 'destinationArn'],
        bare: true,
        message: `AccessLogPolicy "${String(first.name)}" (${describePlace(first, object.file)}) already sends the logs of ${target.kind} "${String(target.name)}" to ${type === 's3' ? 'S3' : type === 'logs' ? 'CloudWatch Logs' : 'Firehose'}: one subscription per destination type, so one of them is Conflicted`,
      });
    }
  },
});
