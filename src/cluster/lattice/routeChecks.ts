// How a Lattice route stands, from the status and events the AWS Gateway API Controller writes:
// no parent status means the controller ignores it; Accepted/ResolvedRefs may be True while the
// build failed (only an event says so); success shows as the Lattice domain annotation.

import type { CheckStatus } from '../doctor';
import { LATTICE_CONTROLLER_NAME } from '../../engine/model/lattice';
import { condition, type Condition, type KubeEvent, type KubeObject } from './kube';

const ANNOTATION = 'application-networking.k8s.aws/';

/** `Type=Status (Reason): message`, as `kubectl describe` shows a condition. */
export function describeCondition(entry: Condition): string {
  const reason = entry.reason ? ` (${entry.reason})` : '';
  return `${entry.type ?? '?'}=${entry.status ?? 'unknown'}${reason}${entry.message ? `: ${entry.message}` : ''}`;
}

export function routeCheck(route: KubeObject, events: KubeEvent[]): { status: CheckStatus; detail: string } {
  const parent = route.status?.parents?.find((entry) => entry.controllerName === LATTICE_CONTROLLER_NAME);
  if (!parent) {
    return {
      status: 'warn',
      detail:
        'No status from the Lattice controller yet: it has not processed this route, or ignores it (a parent Gateway it cannot find, or not of a Lattice class).',
    };
  }
  const problem = ['Accepted', 'ResolvedRefs']
    .map((type) => condition(parent.conditions, type))
    .find((entry) => entry && entry.status !== 'True');
  if (problem) return { status: 'fail', detail: describeCondition(problem) };
  const failed = events.find(
    (event) =>
      event.involvedObject?.kind === route.kind &&
      event.involvedObject?.name === route.metadata?.name &&
      (event.involvedObject?.namespace ?? '') === (route.metadata?.namespace ?? '') &&
      (event.reason === 'FailedBuildModel' || event.reason === 'FailedDeployModel'),
  );
  if (failed) return { status: 'fail', detail: `${failed.reason}: ${failed.message ?? ''}` };
  const annotations = route.metadata?.annotations ?? {};
  const domain = annotations[`${ANNOTATION}lattice-assigned-domain-name`];
  if (!domain) {
    return {
      status: 'warn',
      detail:
        'Accepted, but no Lattice service yet (no lattice-assigned-domain-name annotation); see the route events.',
    };
  }
  const arn = annotations[`${ANNOTATION}lattice-service-arn`] ?? 'no service ARN';
  return { status: 'pass', detail: `${String(domain)} (${String(arn)})` };
}
