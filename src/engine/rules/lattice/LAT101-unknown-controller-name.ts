import { LATTICE_CONTROLLER_NAME, LATTICE_DEFAULT_CLASS_NAME } from '../../model/lattice';
import { renderValue } from '../../util/strings';
import { asRecord } from '../../util/values';
import { defineRule } from '../types';
import { metadataOf } from './common';

/** A controllerName that was meant to be the Lattice controller's (an AWS or Lattice name). */
function resemblesLattice(name: string): boolean {
  const lower = name.toLowerCase();
  return /application-networking|lattice/.test(lower) || (/aws|amazon/.test(lower) && /gateway/.test(lower));
}

export default defineRule({
  code: 'LAT101',
  slug: 'unknown-controller-name',
  kinds: ['GatewayClass'],
  category: 'controller',
  defaultSeverity: 'warning',
  summary:
    'A GatewayClass meant for VPC Lattice has a `controllerName` other than `application-networking.k8s.aws/gateway-api-controller`.',
  why: 'The AWS Gateway API Controller handles only the classes whose controllerName is exactly its own. With any other value (a typo, `aws.amazon.com/…`, a wrong case) every Gateway of the class and every route attached to them is ignored without a status or an event. controllerName cannot be changed once the class exists: delete and re-create the class.',
  badExample:
    'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: amazon-vpc-lattice\nspec:\n  controllerName: application-networking.k8s.aws/gateway-controller',
  goodExample:
    'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: amazon-vpc-lattice\nspec:\n  controllerName: application-networking.k8s.aws/gateway-api-controller',
  docs: 'https://www.gateway-api-controller.eks.aws.dev/latest/api-types/gateway/',
  check(ctx) {
    const controllerName = asRecord(ctx.value.spec).controllerName;
    if (typeof controllerName !== 'string' || controllerName === LATTICE_CONTROLLER_NAME) return;
    const { name } = metadataOf(ctx.value);
    const named =
      name === LATTICE_DEFAULT_CLASS_NAME ||
      (name !== undefined && ctx.settings.lattice.gatewayClasses.includes(name));
    if (!named && !resemblesLattice(controllerName)) return;
    ctx.report({
      path: ['spec', 'controllerName'],
      bare: true,
      message: `controllerName ${renderValue(controllerName)} is not the AWS Gateway API Controller's ("${LATTICE_CONTROLLER_NAME}"): the controller ignores this class, its Gateways and their routes`,
    });
  },
  fix(ctx) {
    return [
      {
        title: `Change controllerName to ${LATTICE_CONTROLLER_NAME}`,
        safe: false,
        edits: [{ ...ctx.rangeOf(['spec', 'controllerName'], 'value'), newText: LATTICE_CONTROLLER_NAME }],
      },
    ];
  },
});
