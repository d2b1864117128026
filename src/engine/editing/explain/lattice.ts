// "Explain" for the Gateway API and Lattice kinds: routes in latticeRoute.ts; here Gateways (the
// service network, listeners, attached routes, VPC association and auth) and short explanations
// of the class, the policies and the multi-cluster kinds.

import type { EngineSettings } from '../../settings';
import type { LatticeKind } from '../../types';
import { asList, asRecord } from '../../util/values';
import type { Workspace } from '../../workspace/workspace';
import type { WorkspaceObject } from '../../workspace/objects';
import {
  gatewayBinding,
  LATTICE_CONTROLLER_NAME,
  latticeClassBinding,
  listenersOf,
  listenerRouteKinds,
  routeBinding,
} from '../../model/lattice';
import { latticeWorkspace, type LatticeWorkspace } from '../../model/latticeWorkspace';
import { latticeAnnotations } from '../../model/latticeAnnotations';
import { latticeServiceName } from '../../model/latticeBackends';
import {
  findPolicyTarget,
  isPolicyKind,
  POLICY_TARGETS,
  supportedTarget,
  targetRefOf,
} from '../../model/latticePolicies';
import type { ExplanationBody as Explanation } from './explanation';
import { explainLatticeRoute } from './latticeRoute';
import { authPolicyLines, objectTitle, policiesOn } from './latticePolicies';
import { joinWords } from './words';

export function explainLattice(
  kind: LatticeKind,
  value: Record<string, unknown>,
  settings: EngineSettings,
  workspace: Workspace | undefined,
): Explanation {
  const view = workspace ? latticeWorkspace(workspace, settings) : undefined;
  // The same object, or (for a hover, which reads the text again) the one with its kind and name.
  const metadata = asRecord(value.metadata);
  const self =
    view?.objects.find((object) => object.value === value) ??
    view?.objects.find(
      (object) =>
        object.kind === kind && object.name === metadata.name && object.namespace === metadata.namespace,
    );
  if (kind === 'HTTPRoute' || kind === 'GRPCRoute' || kind === 'TLSRoute')
    return explainLatticeRoute(kind, value, view, self);
  if (kind === 'Gateway') return explainGateway(self?.value ?? value, settings, view, self);
  return brief(kind, self?.value ?? value, settings, view);
}

function done(title: string, summary: string[], more: string[] = []): Explanation {
  return {
    title,
    summary,
    text: `${[`# ${title}`, '', ...summary.flatMap((line) => [line, '']), ...more].join('\n').trimEnd()}\n`,
  };
}

function explainGateway(
  value: Record<string, unknown>,
  settings: EngineSettings,
  view: LatticeWorkspace | undefined,
  self: WorkspaceObject | undefined,
): Explanation {
  const title = objectTitle('Gateway', value);
  const className = String(asRecord(value.spec).gatewayClassName ?? '');
  const context = view?.context ?? {
    gatewayClasses: [],
    gateways: [],
    extraClassNames: settings.lattice.gatewayClasses,
  };
  const binding = gatewayBinding(value, context);
  if (!binding) {
    return done(title, [
      `Gateway of class "${className}": not handled by the AWS Gateway API Controller (VPC Lattice), so no Lattice checks apply.`,
    ]);
  }
  const name = String(asRecord(value.metadata).name ?? '');
  const why = {
    setting: 'named in eksNetworking.lattice.gatewayClasses',
    controllerName: `its class has controllerName ${LATTICE_CONTROLLER_NAME}`,
    defaultClassName: 'its class is amazon-vpc-lattice',
  }[binding];
  const summary = [
    `VPC Lattice Gateway (${why}): it stands for the service network **${name}**, which must already exist (or be created by a ServiceNetwork).`,
  ];
  const listeners = listenersOf(value).map(
    (listener) =>
      `- \`${String(listener.name)}\`: ${String(listener.protocol)} ${String(listener.port)}${listener.tls?.mode === 'Passthrough' ? ' (TLS passthrough)' : ''}, takes ${joinWords([...listenerRouteKinds(listener)]) || 'no route kind'}${listener.allowedRoutes?.namespaces?.from && listener.allowedRoutes.namespaces.from !== 'Same' ? ` from ${listener.allowedRoutes.namespaces.from === 'All' ? 'all namespaces' : 'selected namespaces'}` : ' from its own namespace'}`,
  );
  const more = ['## Listeners', ...(listeners.length > 0 ? listeners : ['- none'])];
  if (view && self) {
    const routes = view.latticeRoutes.filter(
      (route) => routeBinding(route.value, view.context)?.gateway === value,
    );
    more.push('', '## Routes attached (in the workspace)');
    more.push(
      ...(routes.length > 0
        ? routes.map(
            (route) =>
              `- ${route.kind} ${route.namespace ? `${route.namespace}/` : ''}${route.name}: Lattice service ${latticeServiceName(route.name ?? '', route.namespace ?? '<namespace>')}`,
          )
        : ['- none']),
    );
    const associations = policiesOn(self, view, 'VpcAssociationPolicy');
    more.push('', '## Access');
    if (associations.length > 0) {
      for (const association of associations) {
        const spec = asRecord(association.value.spec);
        more.push(
          spec.associateWithVpc === false
            ? `- ${objectTitle('VpcAssociationPolicy', association.value)} removes the cluster VPC from the service network.`
            : `- ${objectTitle('VpcAssociationPolicy', association.value)} associates the cluster VPC${asList(spec.securityGroupIds).length > 0 ? `, with security groups ${asList(spec.securityGroupIds).join(', ')}` : ''}.`,
        );
      }
    } else {
      more.push(
        '- No VpcAssociationPolicy in the workspace: clients in the cluster VPC reach the network only if the VPC is associated another way (console, IaC, DEFAULT_SERVICE_NETWORK).',
      );
    }
    const auth = policiesOn(self, view, 'IAMAuthPolicy');
    if (auth.length > 0)
      more.push(
        `- ${objectTitle('IAMAuthPolicy', auth[0].value)}: the network's auth type is AWS_IAM.`,
        ...authPolicyLines(auth[0].value).map((line) => `  ${line}`),
      );
    else more.push('- No IAMAuthPolicy on the Gateway: the service network’s auth type is NONE.');
  }
  if (
    String(latticeAnnotations(value).get('standalone') ?? '')
      .trim()
      .toLowerCase() === 'true'
  )
    more.push(
      '',
      'standalone: the routes’ services are not associated with the service network unless a route says otherwise.',
    );
  return done(title, summary, more);
}

function brief(
  kind: LatticeKind,
  value: Record<string, unknown>,
  settings: EngineSettings,
  view: LatticeWorkspace | undefined,
): Explanation {
  const title = objectTitle(kind, value);
  const spec = asRecord(value.spec);
  const name = String(asRecord(value.metadata).name ?? '');
  switch (kind) {
    case 'GatewayClass': {
      const lattice = latticeClassBinding(name, {
        gatewayClasses: [value],
        gateways: [],
        extraClassNames: settings.lattice.gatewayClasses,
      });
      return done(title, [
        lattice
          ? 'The AWS Gateway API Controller’s class: Gateways of this class are VPC Lattice service networks.'
          : `Class of controller "${String(spec.controllerName)}": not VPC Lattice.`,
      ]);
    }
    case 'ServiceNetwork':
      return done(title, [
        `Creates (or adopts) the VPC Lattice service network **${name}**; a Lattice Gateway of the same name uses it. VPC associations come from VpcAssociationPolicies.`,
      ]);
    case 'ServiceExport': {
      const federated = latticeAnnotations(value).get('federation') === 'amazon-vpc-lattice';
      const ports = asList(spec.exportedPorts).map(
        (port) => `${String(asRecord(port).port)} (${String(asRecord(port).routeType)})`,
      );
      return done(title, [
        federated
          ? `Exports Service ${name} through VPC Lattice on ${ports.length > 0 ? `port${ports.length > 1 ? 's' : ''} ${joinWords(ports)}` : 'all its ports'}: other clusters route to it with a ServiceImport of the same name and namespace.`
          : 'Ignored by the Lattice controller: the federation annotation ("amazon-vpc-lattice") is missing.',
      ]);
    }
    case 'ServiceImport': {
      const arn = latticeAnnotations(value).get('target-group-arn');
      return done(title, [
        typeof arn === 'string'
          ? `Routes to it send traffic to the existing Lattice target group ${arn}.`
          : `Routes to it send traffic to the target group of the ServiceExport ${name} in another cluster (same name and namespace).`,
      ]);
    }
    case 'ReferenceGrant':
      return done(title, [
        'Lets routes of other namespaces refer to objects of this one. The Lattice controller ignores grants: its routes follow cross-namespace references with or without one.',
      ]);
    default:
      break;
  }
  if (isPolicyKind(kind)) {
    const ref = targetRefOf(value);
    const target = supportedTarget(kind, ref);
    // The same object, or (for a hover, which reads the text again) the one with its kind and name.
    const metadata = asRecord(value.metadata);
    const self =
      view?.objects.find((object) => object.value === value) ??
      view?.objects.find(
        (object) =>
          object.kind === kind && object.name === metadata.name && object.namespace === metadata.namespace,
      );
    const found = self && view ? findPolicyTarget(self, view.objects) : undefined;
    const lines = [
      target
        ? `Applies to ${ref.kind} ${String(ref.name)}: ${target.effect}${found ? '' : view ? ' (not found in the workspace)' : ''}.`
        : `Targets ${String(ref.kind)} ${String(ref.name)}, which a ${kind} cannot target (it attaches to ${joinWords(
            POLICY_TARGETS[kind].map((t) => t.kind),
            'or',
          )}).`,
    ];
    return done(title, lines, kind === 'IAMAuthPolicy' ? ['## Statements', ...authPolicyLines(value)] : []);
  }
  return done(title, []);
}
