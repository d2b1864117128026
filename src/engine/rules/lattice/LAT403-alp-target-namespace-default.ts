import { targetRefOf } from '../../model/latticePolicies';
import { insertKeyEdit } from '../fixes/keyEdits';
import { defineRule } from '../types';
import { CONTROLLER_DOCS, metadataOf } from './common';
import { policy } from './examples';

const ALP = (namespace: string) =>
  policy(
    'AccessLogPolicy',
    `  targetRef:\n    group: gateway.networking.k8s.io\n    kind: Gateway\n    name: my-hotel\n${namespace}  destinationArn: arn:aws:s3:::my-hotel-access-logs`,
    'my-hotel-logs',
  );

export default defineRule<{ namespace: string }>({
  code: 'LAT403',
  slug: 'alp-target-namespace-default',
  kinds: ['AccessLogPolicy'],
  category: 'controller',
  defaultSeverity: 'error',
  summary:
    'An AccessLogPolicy outside `default` leaves out `targetRef.namespace`: the controller reads it as `default` and rejects the policy.',
  why: 'Unlike the other policies, an AccessLogPolicy takes an omitted `targetRef.namespace` to mean `default`, not its own namespace. In any other namespace the controller then finds a mismatch and marks the policy `Invalid` ("The targetRef\'s namespace, "default", does not match the Access Log Policy\'s namespace"), and no logs are delivered. Set `targetRef.namespace` to the policy’s namespace.',
  badExample: ALP(''),
  goodExample: ALP('    namespace: hotel\n'),
  docs: `${CONTROLLER_DOCS}api-types/access-log-policy/`,
  check(ctx) {
    const { namespace } = metadataOf(ctx.value);
    if (namespace === undefined || namespace === 'default' || targetRefOf(ctx.value).namespace !== undefined)
      return;
    ctx.report({
      path: ['spec', 'targetRef'],
      target: 'key',
      bare: true,
      message: `targetRef has no namespace: the controller reads it as "default", which is not this policy's namespace "${namespace}", and rejects the policy (The targetRef's namespace, "default", does not match the Access Log Policy's namespace, "${namespace}"). Set targetRef.namespace: ${namespace}.`,
      data: { namespace },
    });
  },
  fix(ctx, finding) {
    const namespace = finding.data?.namespace;
    const edit = namespace ? insertKeyEdit(ctx, ['spec', 'targetRef'], 'namespace', namespace) : undefined;
    return edit && namespace
      ? [{ title: `Set targetRef.namespace: ${namespace}`, safe: true, edits: [edit] }]
      : [];
  },
});
