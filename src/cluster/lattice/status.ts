// `eksnet lattice status`: read-only checks of VPC Lattice on a cluster. kubectl side: the AWS Gateway
// API Controller, the CRD versions it needs, each Lattice Gateway, route and policy with the status
// the controller wrote. aws side: each Gateway's service network and its association with the
// cluster VPC, and the Lattice managed prefix list in the node and pod security groups.

import type { Aws } from '../aws';
import type { CheckStatus, DoctorCheck, DoctorReport } from '../doctor';
import { eksClusterFrom } from '../eksCluster';
import { isClusterError } from '../errors';
import type { Kubectl, TargetedKubectl } from '../kubectl';
import type { ClusterTarget } from '../target';
import { atLeast } from '../cni/version';
import {
  gatewayBinding,
  LATTICE_CONTROLLER_NAME,
  routeBinding,
  type LatticeContext,
} from '../../engine/model/lattice';
import {
  condition,
  CONTROLLER_CRDS,
  CONTROLLER_NAMESPACE,
  listAll,
  listRouteEvents,
  OPTIONAL_CONTROLLER_CRDS,
  readController,
  readCrds,
  REQUIRED_GATEWAY_CRDS,
  type CrdState,
  type KubeObject,
} from './kube';
import { checkAwsSide } from './awsChecks';
import { describeCondition, routeCheck } from './routeChecks';

export type LatticeStatus = DoctorReport;

const ROUTE_RESOURCES = ['httproutes', 'grpcroutes', 'tlsroutes'].map(
  (plural) => `${plural}.gateway.networking.k8s.io`,
);
const POLICY_RESOURCES = [
  'targetgrouppolicies',
  'iamauthpolicies',
  'vpcassociationpolicies',
  'accesslogpolicies',
].map((plural) => `${plural}.application-networking.k8s.aws`);

export function objectName(object: KubeObject): string {
  const namespace = object.metadata?.namespace;
  return `${namespace ? `${namespace}/` : ''}${object.metadata?.name ?? ''}`;
}

export async function readLatticeStatus(
  tools: Kubectl,
  aws: Aws | undefined,
  signal?: AbortSignal,
): Promise<LatticeStatus> {
  const checks: DoctorCheck[] = [];
  const add = (title: string, status: CheckStatus, detail: string, fix?: string) =>
    checks.push(fix ? { title, status, detail, fix } : { title, status, detail });
  const finish = (context?: string): LatticeStatus => ({
    context,
    checks,
    healthy: !checks.some((check) => check.status === 'fail'),
  });
  const guarded = async (title: string, step: () => Promise<void>): Promise<boolean> => {
    try {
      await step();
      return true;
    } catch (error) {
      if (isClusterError(error, 'cancelled')) throw error;
      add(title, 'fail', (error as Error).message);
      return false;
    }
  };

  // Resolved once: every later call names this context and kubeconfig.
  let context: ClusterTarget | undefined;
  if (
    !(await guarded('kubectl and context', async () => void (context = await tools.resolveTarget(signal))))
  ) {
    return finish();
  }
  const info = context as ClusterTarget;
  const kubectl: TargetedKubectl = tools.at(info);
  add('kubectl and context', 'pass', `context "${info.context}", cluster ${info.cluster}`);

  let controllerVersion: string | undefined;
  const reached = await guarded('AWS Gateway API Controller', async () => {
    const controller = await readController(kubectl, signal);
    if (!controller) {
      add(
        'AWS Gateway API Controller',
        'fail',
        `No Deployment with the controller image in namespace ${CONTROLLER_NAMESPACE}; Lattice resources are not reconciled.`,
      );
      return;
    }
    controllerVersion = controller.version;
    const ready = controller.readyReplicas > 0;
    add(
      'AWS Gateway API Controller',
      ready ? 'pass' : 'fail',
      `${controller.name} ${controller.version ?? '(unknown version)'}, ${controller.readyReplicas}/${controller.replicas ?? '?'} replicas ready${ready ? '' : ' — check its logs for "required CRDs check failed" or "vpcId is not specified"'}`,
    );
    const defaultNetwork = controller.env.get('DEFAULT_SERVICE_NETWORK');
    if (defaultNetwork) {
      const override = /^true$/i.test(controller.env.get('ENABLE_SERVICE_NETWORK_OVERRIDE') ?? '');
      add(
        'Default service network',
        'info',
        `DEFAULT_SERVICE_NETWORK=${defaultNetwork}${override ? '; ENABLE_SERVICE_NETWORK_OVERRIDE=true maps every Gateway to it' : ''}`,
      );
    }
  });
  if (!reached) return finish(info.context);

  let crds: CrdState[] = [];
  await guarded('Gateway API CRDs', async () => {
    crds = await readCrds(
      kubectl,
      [...REQUIRED_GATEWAY_CRDS, ...CONTROLLER_CRDS, ...OPTIONAL_CONTROLLER_CRDS],
      signal,
    );
  });
  const crd = (name: string) => crds.find((state) => state.name === name);
  if (crds.length > 0) checkCrds(crds, controllerVersion, add);

  const lists = new Map<string, KubeObject[]>();
  for (const resource of [
    'gatewayclasses.gateway.networking.k8s.io',
    'gateways.gateway.networking.k8s.io',
    ...ROUTE_RESOURCES,
    ...POLICY_RESOURCES,
  ]) {
    if (!crd(resource)?.present) continue;
    await guarded(
      `List ${resource}`,
      async () => void lists.set(resource, await listAll(kubectl, resource, signal)),
    );
  }
  const model: LatticeContext = {
    gatewayClasses: lists.get('gatewayclasses.gateway.networking.k8s.io') ?? [],
    gateways: lists.get('gateways.gateway.networking.k8s.io') ?? [],
  };

  const classes = model.gatewayClasses.filter(
    (object) => (object.spec as { controllerName?: string })?.controllerName === LATTICE_CONTROLLER_NAME,
  );
  if (classes.length === 0) {
    add(
      'Lattice GatewayClass',
      'warn',
      `No GatewayClass has controllerName ${LATTICE_CONTROLLER_NAME}; no Gateway is handled by Lattice.`,
    );
  }
  for (const gatewayClass of classes as KubeObject[]) {
    const accepted = condition(gatewayClass.status?.conditions, 'Accepted');
    add(
      `GatewayClass ${objectName(gatewayClass)}`,
      accepted?.status === 'True' ? 'pass' : 'warn',
      `Accepted=${accepted?.status ?? 'unknown'}`,
    );
  }

  const gateways = (model.gateways as KubeObject[]).filter(
    (gateway) => gatewayBinding(gateway, model) !== undefined,
  );
  for (const gateway of gateways) {
    const programmed = condition(gateway.status?.conditions, 'Programmed');
    const ok = programmed?.status === 'True';
    add(
      `Gateway ${objectName(gateway)}`,
      ok ? 'pass' : 'fail',
      describeCondition(programmed ?? { type: 'Programmed', status: 'unknown' }),
    );
  }

  let events: Awaited<ReturnType<typeof listRouteEvents>> = [];
  await guarded('Route events', async () => void (events = await listRouteEvents(kubectl, signal)));
  for (const resource of ROUTE_RESOURCES) {
    for (const route of lists.get(resource) ?? []) {
      if (!routeBinding(route, model)) continue;
      const { status, detail } = routeCheck(route, events);
      add(`${route.kind} ${objectName(route)}`, status, detail);
    }
  }

  for (const resource of POLICY_RESOURCES) {
    for (const policy of lists.get(resource) ?? []) {
      const accepted = condition(policy.status?.conditions, 'Accepted');
      const title = `${policy.kind} ${objectName(policy)}`;
      if (!accepted) add(title, 'warn', 'No Accepted condition yet: the controller has not processed it.');
      else if (accepted.status === 'True') add(title, 'pass', 'Accepted');
      else add(title, 'fail', describeCondition(accepted));
    }
  }

  if (aws) {
    let sgpGroups: string[] = [];
    try {
      const policies = await listAll(kubectl, 'securitygrouppolicies.vpcresources.k8s.aws', signal);
      sgpGroups = policies.flatMap(
        (policy) =>
          (policy.spec as { securityGroups?: { groupIds?: string[] } })?.securityGroups?.groupIds ?? [],
      );
    } catch (error) {
      if (isClusterError(error, 'cancelled')) throw error; // no SecurityGroupPolicy CRD: no pod groups to check
    }
    await checkAwsSide(aws, eksClusterFrom(aws.settings, info), gateways, sgpGroups, add, signal);
  }
  return finish(info.context);
}

function checkCrds(
  crds: CrdState[],
  controllerVersion: string | undefined,
  add: (title: string, status: CheckStatus, detail: string, fix?: string) => void,
): void {
  const notServed = crds.filter(
    (state) => REQUIRED_GATEWAY_CRDS.includes(state.name) && !state.served.includes('v1'),
  );
  add(
    'Gateway API CRDs at v1',
    notServed.length === 0 ? 'pass' : 'fail',
    notServed.length === 0
      ? 'GatewayClass, Gateway, HTTPRoute, GRPCRoute and TLSRoute are served at v1.'
      : `Not served at gateway.networking.k8s.io/v1: ${notServed.map((state) => (state.present ? `${state.name} (serves ${state.served.join(', ') || 'nothing'})` : `${state.name} (missing)`)).join('; ')}. Controller v2.1 refuses to start ("required CRDs check failed").`,
    notServed.length === 0
      ? undefined
      : 'kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.5.0/standard-install.yaml',
  );
  const bundle = crds.find((state) => state.name === 'gateways.gateway.networking.k8s.io')?.bundleVersion;
  if (bundle && atLeast(controllerVersion, 'v2.1.0') && atLeast(bundle, 'v1.5.0') === false) {
    add(
      'Gateway API bundle version',
      'fail',
      `Gateway API CRDs ${bundle}; controller ${controllerVersion} needs v1.5 or later.`,
    );
  } else if (bundle) add('Gateway API bundle version', 'info', `Gateway API CRDs ${bundle}`);
  const tlsRoute = crds.find((state) => state.name === 'tlsroutes.gateway.networking.k8s.io');
  if (tlsRoute?.stored.includes('v1alpha2')) {
    add(
      'TLSRoute stored versions',
      'warn',
      `storedVersions still lists v1alpha2 (${tlsRoute.stored.join(', ')}): a leftover of the upgrade to v1; migrate stored objects before removing it.`,
    );
  }
  const missing = crds
    .filter((state) => CONTROLLER_CRDS.includes(state.name) && !state.present)
    .map((state) => state.name);
  add(
    'Controller CRDs',
    missing.length === 0 ? 'pass' : 'fail',
    missing.length === 0
      ? 'All policy and ServiceExport/ServiceImport CRDs are installed.'
      : `Missing: ${missing.join(', ')}.`,
  );
  if (!crds.find((state) => OPTIONAL_CONTROLLER_CRDS.includes(state.name))?.present) {
    add(
      'ServiceNetwork CRD',
      'info',
      'Not installed (optional): service networks must be created outside Kubernetes.',
    );
  }
}
