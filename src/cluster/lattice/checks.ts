// The Lattice checks, each a function of the facts read once (facts.ts): the controller, the CRD
// versions it needs, GatewayClasses and Gateways, routes and policies, and the aws side. `eksnet
// lattice status` shows them all; the Networking Doctor runs each as one of its named checks.

import type { Aws } from '../aws';
import { atLeast } from '../cni/version';
import type { CheckResult, CheckStatus } from '../doctor/types';
import { eksClusterFrom } from '../eksCluster';
import type { ClusterTarget } from '../target';
import { LATTICE_CONTROLLER_NAME } from '../../engine/model/lattice';
import { checkAwsSide } from './awsChecks';
import { readPodSecurityGroups, type LatticeFacts } from './facts';
import {
  condition,
  CONTROLLER_CRDS,
  CONTROLLER_NAMESPACE,
  OPTIONAL_CONTROLLER_CRDS,
  REQUIRED_GATEWAY_CRDS,
  type KubeObject,
} from './kube';
import { describeCondition, routeCheck } from './routeChecks';

/** The Gateway API release whose CRDs controller v2.1 needs (served at v1, TLSRoute included). */
export const GATEWAY_API_INSTALL =
  'kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.5.0/standard-install.yaml';
const CONTROLLER_INSTALL = `helm install gateway-api-controller oci://public.ecr.aws/aws-application-networking-k8s/aws-gateway-controller-chart --version v2.1.3 --namespace ${CONTROLLER_NAMESPACE} --create-namespace --set=awsRegion=REGION --set=clusterVpcId=VPC_ID --set=clusterName=CLUSTER_NAME`;

export function objectName(object: KubeObject): string {
  const namespace = object.metadata?.namespace;
  return `${namespace ? `${namespace}/` : ''}${object.metadata?.name ?? ''}`;
}

function result(title: string, status: CheckStatus, detail: string, fix?: string): CheckResult {
  return fix ? { title, status, detail, fix } : { title, status, detail };
}

/** `kubectl describe KIND NAME --namespace NS` on the target: where the controller's reasons show. */
function describeFix(facts: LatticeFacts, object: KubeObject): string {
  const namespace = object.metadata?.namespace;
  return facts.kubectl.commandLine([
    'describe',
    String(object.kind ?? '').toLowerCase(),
    ...(namespace ? ['--namespace', namespace] : []),
    '--',
    object.metadata?.name ?? '',
  ]);
}

export function controllerResults(facts: LatticeFacts): CheckResult[] {
  const title = 'AWS Gateway API Controller';
  const controller = facts.controller;
  if (!controller) {
    return [
      result(
        title,
        'fail',
        `No Deployment with the controller image in namespace ${CONTROLLER_NAMESPACE}; Lattice resources are not reconciled.`,
        CONTROLLER_INSTALL,
      ),
    ];
  }
  const ready = controller.readyReplicas > 0;
  const results = [
    result(
      title,
      ready ? 'pass' : 'fail',
      `${controller.name} ${controller.version ?? '(unknown version)'}, ${controller.readyReplicas}/${controller.replicas ?? '?'} replicas ready${ready ? '' : ' — check its logs for "required CRDs check failed" or "vpcId is not specified"'}`,
      ready
        ? undefined
        : facts.kubectl.commandLine([
            'logs',
            '--namespace',
            CONTROLLER_NAMESPACE,
            '--',
            `deployment/${controller.name}`,
          ]),
    ),
  ];
  const defaultNetwork = controller.env.get('DEFAULT_SERVICE_NETWORK');
  if (defaultNetwork) {
    const override = /^true$/i.test(controller.env.get('ENABLE_SERVICE_NETWORK_OVERRIDE') ?? '');
    results.push(
      result(
        'Default service network',
        'info',
        `DEFAULT_SERVICE_NETWORK=${defaultNetwork}${override ? '; ENABLE_SERVICE_NETWORK_OVERRIDE=true maps every Gateway to it' : ''}`,
      ),
    );
  }
  return results;
}

export function crdResults(facts: LatticeFacts): CheckResult[] {
  const { crds } = facts;
  if (crds.length === 0) return [];
  const results: CheckResult[] = [];
  const notServed = crds.filter(
    (state) => REQUIRED_GATEWAY_CRDS.includes(state.name) && !state.served.includes('v1'),
  );
  results.push(
    notServed.length === 0
      ? result(
          'Gateway API CRDs at v1',
          'pass',
          'GatewayClass, Gateway, HTTPRoute, GRPCRoute and TLSRoute are served at v1.',
        )
      : result(
          'Gateway API CRDs at v1',
          'fail',
          `Not served at gateway.networking.k8s.io/v1: ${notServed.map((state) => (state.present ? `${state.name} (serves ${state.served.join(', ') || 'nothing'})` : `${state.name} (missing)`)).join('; ')}. Controller v2.1 refuses to start ("required CRDs check failed").`,
          GATEWAY_API_INSTALL,
        ),
  );
  const bundle = crds.find((state) => state.name === 'gateways.gateway.networking.k8s.io')?.bundleVersion;
  const controllerVersion = facts.controller?.version;
  if (bundle && atLeast(controllerVersion, 'v2.1.0') && atLeast(bundle, 'v1.5.0') === false) {
    results.push(
      result(
        'Gateway API bundle version',
        'fail',
        `Gateway API CRDs ${bundle}; controller ${controllerVersion} needs v1.5 or later.`,
        GATEWAY_API_INSTALL,
      ),
    );
  } else if (bundle) results.push(result('Gateway API bundle version', 'info', `Gateway API CRDs ${bundle}`));
  const tlsRoute = crds.find((state) => state.name === 'tlsroutes.gateway.networking.k8s.io');
  if (tlsRoute?.stored.includes('v1alpha2')) {
    results.push(
      result(
        'TLSRoute stored versions',
        'warn',
        `storedVersions still lists v1alpha2 (${tlsRoute.stored.join(', ')}): a leftover of the upgrade to v1; migrate stored objects before removing it.`,
        `After every TLSRoute is rewritten at v1 (read and replace each one): ${facts.kubectl.commandLine([
          'patch',
          'customresourcedefinition',
          'tlsroutes.gateway.networking.k8s.io',
          '--subresource=status',
          '--type=merge',
          '--patch={"status":{"storedVersions":["v1"]}}',
        ])}`,
      ),
    );
  }
  const missing = crds
    .filter((state) => CONTROLLER_CRDS.includes(state.name) && !state.present)
    .map((state) => state.name);
  results.push(
    missing.length === 0
      ? result('Controller CRDs', 'pass', 'All policy and ServiceExport/ServiceImport CRDs are installed.')
      : result(
          'Controller CRDs',
          'fail',
          `Missing: ${missing.join(', ')}.`,
          'Install the CRDs of the controller release (the Helm chart installs them; or kubectl apply -f its deploy-v2.1.3.yaml).',
        ),
  );
  if (!crds.find((state) => OPTIONAL_CONTROLLER_CRDS.includes(state.name))?.present) {
    results.push(
      result(
        'ServiceNetwork CRD',
        'info',
        'Not installed (optional): service networks must be created outside Kubernetes.',
      ),
    );
  }
  return results;
}

/** Each Lattice GatewayClass's Accepted condition and each Lattice Gateway's Programmed one. */
export function gatewayResults(facts: LatticeFacts): CheckResult[] {
  const results: CheckResult[] = [];
  if (facts.classes.length === 0) {
    results.push(
      result(
        'Lattice GatewayClass',
        'warn',
        `No GatewayClass has controllerName ${LATTICE_CONTROLLER_NAME}; no Gateway is handled by Lattice.`,
        `Apply a GatewayClass named amazon-vpc-lattice with spec.controllerName: ${LATTICE_CONTROLLER_NAME}.`,
      ),
    );
  }
  for (const gatewayClass of facts.classes) {
    const accepted = condition(gatewayClass.status?.conditions, 'Accepted');
    const ok = accepted?.status === 'True';
    results.push(
      result(
        `GatewayClass ${objectName(gatewayClass)}`,
        ok ? 'pass' : 'warn',
        `Accepted=${accepted?.status ?? 'unknown'}`,
        ok ? undefined : describeFix(facts, gatewayClass),
      ),
    );
  }
  for (const gateway of facts.gateways) {
    const programmed = condition(gateway.status?.conditions, 'Programmed');
    const ok = programmed?.status === 'True';
    results.push(
      result(
        `Gateway ${objectName(gateway)}`,
        ok ? 'pass' : 'fail',
        describeCondition(programmed ?? { type: 'Programmed', status: 'unknown' }),
        ok ? undefined : describeFix(facts, gateway),
      ),
    );
  }
  return results;
}

/** Each Lattice route (conditions, controller events, Lattice domain) and each policy's Accepted. */
export function routeResults(facts: LatticeFacts): CheckResult[] {
  const results: CheckResult[] = [];
  for (const route of facts.routes) {
    const { status, detail } = routeCheck(route, facts.events);
    results.push(
      result(
        `${route.kind} ${objectName(route)}`,
        status,
        detail,
        status === 'pass' ? undefined : describeFix(facts, route),
      ),
    );
  }
  for (const policy of facts.policies) {
    const accepted = condition(policy.status?.conditions, 'Accepted');
    const title = `${policy.kind} ${objectName(policy)}`;
    if (!accepted)
      results.push(
        result(
          title,
          'warn',
          'No Accepted condition yet: the controller has not processed it.',
          describeFix(facts, policy),
        ),
      );
    else if (accepted.status === 'True') results.push(result(title, 'pass', 'Accepted'));
    else results.push(result(title, 'fail', describeCondition(accepted), describeFix(facts, policy)));
  }
  return results;
}

/** Service networks of the Lattice Gateways and the Lattice prefix list in the security groups. */
export async function awsResults(
  facts: LatticeFacts,
  aws: Aws,
  target: ClusterTarget,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const podGroups = await readPodSecurityGroups(facts.kubectl, facts.signal);
  await checkAwsSide(
    aws,
    eksClusterFrom(aws.settings, target),
    facts.gateways,
    podGroups,
    (title, status, detail, fix) => results.push(result(title, status, detail, fix)),
    facts.signal,
  );
  return results;
}
