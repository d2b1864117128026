// Our descriptions of the Gateway API and AWS Gateway API Controller fields, as shown on hover.
// scripts/gen-lattice-schemas.mjs looks a property up by `Kind:full.path` first, then by ever
// shorter suffixes of its path (`backendRefs[].port`, then `port`), so one entry serves every
// route kind. A value is the text, or [text, docs link] when the kind's page is not the best link.

const LATTICE = 'https://www.gateway-api-controller.eks.aws.dev/latest';
const GWAPI = 'https://gateway-api.sigs.k8s.io';
const LATTICE_QUOTAS = 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/quotas.html';
const LATTICE_HEALTH = 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/target-group-health-checks.html';

export const KIND_DOCS = {
  GatewayClass: `${GWAPI}/api-types/gatewayclass/`,
  Gateway: `${LATTICE}/api-types/gateway/`,
  HTTPRoute: `${LATTICE}/api-types/http-route/`,
  GRPCRoute: `${LATTICE}/api-types/grpc-route/`,
  TLSRoute: `${LATTICE}/api-types/tls-route/`,
  ReferenceGrant: `${GWAPI}/api-types/referencegrant/`,
  TargetGroupPolicy: `${LATTICE}/api-types/target-group-policy/`,
  IAMAuthPolicy: `${LATTICE}/api-types/iam-auth-policy/`,
  VpcAssociationPolicy: `${LATTICE}/api-types/vpc-association-policy/`,
  AccessLogPolicy: `${LATTICE}/api-types/access-log-policy/`,
  ServiceExport: `${LATTICE}/api-types/service-export/`,
  ServiceImport: `${LATTICE}/api-types/service-import/`,
  ServiceNetwork: `${LATTICE}/api-types/service-network/`,
};

const FILTER_IGNORED = 'The Lattice controller ignores every filter.';
const HEADER_NAME = 'HTTP header name, matched case-insensitively.';
const SELECTOR = 'Label selector over Namespace labels; used when `from: Selector`.';

export const DESCRIPTIONS = {
  // Kinds (the schema root).
  'GatewayClass:':
    'A kind of Gateway and the controller that implements it. For VPC Lattice, `spec.controllerName` is `application-networking.k8s.aws/gateway-api-controller`; the class is usually named `amazon-vpc-lattice`.',
  'Gateway:':
    'An entry point. With a VPC Lattice class, the AWS Gateway API Controller maps it to the Lattice service network of the same name (or `sn-…` id); its listeners become listeners of each Lattice service built from a route.',
  'HTTPRoute:':
    'HTTP routing rules. The AWS Gateway API Controller turns each HTTPRoute attached to a Lattice Gateway into one VPC Lattice service with a rule per `rules[]` entry.',
  'GRPCRoute:':
    'gRPC routing rules. The AWS Gateway API Controller turns it into a VPC Lattice service; it must attach to an HTTPS listener.',
  'TLSRoute:':
    'TLS passthrough routing by SNI hostname. The AWS Gateway API Controller makes a Lattice service with a TLS_PASSTHROUGH listener; it needs a `protocol: TLS`, `mode: Passthrough` listener.',
  'ReferenceGrant:':
    'Allows references from objects in another namespace. The VPC Lattice controller never reads ReferenceGrants: it follows cross-namespace backendRefs without them.',
  'TargetGroupPolicy:':
    'Protocol and health-check settings of the VPC Lattice target groups the AWS Gateway API Controller builds for a Service or ServiceExport.',
  'IAMAuthPolicy:':
    'An IAM auth policy the AWS Gateway API Controller puts on a Lattice service network (Gateway target) or service (route target); it switches that resource to `AWS_IAM` auth.',
  'VpcAssociationPolicy:':
    "How the AWS Gateway API Controller associates the cluster's VPC with the service network of a Gateway, and which security groups guard that association.",
  'AccessLogPolicy:':
    'Sends VPC Lattice access logs of a Gateway (service network) or route (service) to S3, CloudWatch Logs or Firehose; created by the AWS Gateway API Controller.',
  'ServiceExport:':
    'Exports a Service to other clusters through VPC Lattice: the AWS Gateway API Controller registers its endpoints in target groups that ServiceImports elsewhere can use.',
  'ServiceImport:':
    "A Service exported by another cluster (or an external target group), usable as a route's `backendRefs` entry with `kind: ServiceImport`; read by the AWS Gateway API Controller.",
  'ServiceNetwork:':
    'Has the AWS Gateway API Controller create or adopt a VPC Lattice service network of this name. It does not associate VPCs; use a VpcAssociationPolicy for that.',

  // Common top-level parts.
  metadata:
    "Name, namespace, labels and annotations. Annotations under `application-networking.k8s.aws/` tune the Lattice controller's behaviour.",
  'Gateway:metadata':
    'Name and namespace of the Gateway. The name (or an `sn-…` id) selects the VPC Lattice service network; the namespace is not part of that mapping.',
  'GatewayClass:metadata': 'Name of the class, referred to by `gatewayClassName`. Cluster-scoped.',
  'ServiceNetwork:metadata':
    'The name is the VPC Lattice service network name: 3-63 lowercase letters, digits and hyphens. Cluster-scoped.',
  status: 'Written by the controller to report what it did; ignored when you apply the manifest.',
  spec: 'The desired state of this resource.',

  // GatewayClass
  'spec.controllerName': [
    'Which controller manages Gateways of this class, as `domain/path`. Must be `application-networking.k8s.aws/gateway-api-controller` for VPC Lattice; other values make the Lattice controller ignore the class. Immutable.',
    `${LATTICE}/guides/deploy/`,
  ],
  'spec.description': 'Free text describing the class for people; no effect.',
  parametersRef: 'Implementation-specific parameters object. The Lattice controller reads none.',
  'parametersRef.group': 'API group of the parameters object.',
  'parametersRef.kind': 'Kind of the parameters object.',
  'parametersRef.name': 'Name of the parameters object.',
  'parametersRef.namespace': 'Namespace of the parameters object, for namespaced kinds.',

  // Gateway
  'spec.gatewayClassName': [
    'The GatewayClass that implements this Gateway. `amazon-vpc-lattice` is the usual name of the VPC Lattice class; a class of another controller means Lattice ignores this Gateway.',
    `${LATTICE}/api-types/gateway/`,
  ],
  'spec.listeners':
    "Ports and protocols the Gateway accepts routes on (1-64). On VPC Lattice only HTTP, HTTPS and TLS with `mode: Passthrough` work; each matched listener becomes a listener on the route's Lattice service (quota: 2 per service by default).",
  'listeners[].name': 'Unique name of the listener; routes pick it with `parentRefs[].sectionName`.',
  'listeners[].hostname':
    'Only routes whose hostnames intersect this one attach. On Lattice it filters attachment only; it never becomes a Lattice domain name.',
  'listeners[].port': 'Port of the listener (1-65535); becomes the port of the Lattice service listener.',
  'listeners[].protocol':
    'Protocol of the listener. Lattice supports `HTTP`, `HTTPS` and `TLS` (Passthrough only); `TCP`, `UDP` and others accept no routes there.',
  'listeners[].tls':
    'TLS settings. Not allowed for HTTP, TCP and UDP listeners; required (with a mode) for TLS listeners.',
  'tls.certificateRefs':
    'Certificate Secrets. The Lattice controller ignores them and uses the `application-networking.k8s.aws/certificate-arn` option; a placeholder entry satisfies the API server for Terminate mode.',
  'certificateRefs[].group': 'API group of the certificate object; empty for the core group (Secret).',
  'certificateRefs[].kind': 'Kind of the certificate object, `Secret` by default.',
  'certificateRefs[].name': 'Name of the certificate object.',
  'certificateRefs[].namespace': 'Namespace of the certificate object; defaults to the Gateway namespace.',
  'tls.mode':
    '`Terminate` (default) ends TLS at the listener; `Passthrough` forwards encrypted traffic by SNI. Lattice needs Terminate for HTTPS and Passthrough for TLS.',
  'tls.options': [
    'Implementation-specific TLS settings. For Lattice, `application-networking.k8s.aws/certificate-arn` names the ACM certificate of an HTTPS listener.',
    `${LATTICE}/guides/https/`,
  ],
  'listeners[].allowedRoutes':
    'Which routes may attach: from which namespaces (default: the Gateway namespace) and of which kinds.',
  'allowedRoutes.kinds':
    'Route kinds allowed on this listener (at most 8). Defaults by protocol; on Lattice GRPCRoute needs HTTPS and TLSRoute needs TLS, anything else marks the listener invalid.',
  'kinds[].group': 'API group of the route kind, `gateway.networking.k8s.io` by default.',
  'kinds[].kind': 'Route kind, such as `HTTPRoute`, `GRPCRoute` or `TLSRoute`.',
  'allowedRoutes.namespaces':
    'Namespaces whose routes may attach. Routes from other namespaces are rejected with `NotAllowedByListeners`.',
  'namespaces.from':
    '`Same` (default): only the Gateway namespace; `All`: any namespace; `Selector`: namespaces matching `selector`.',
  'namespaces.selector': SELECTOR,
  'selector.matchLabels': 'Namespace labels that must all be present with these values.',
  'selector.matchExpressions': 'Set-based requirements on Namespace labels; all must hold.',
  'matchExpressions[].key': 'Label key the requirement is about.',
  'matchExpressions[].operator': '`In`, `NotIn`, `Exists` or `DoesNotExist`.',
  'matchExpressions[].values': 'Values for `In`/`NotIn`; must be empty for `Exists`/`DoesNotExist`.',
  'spec.allowedListeners':
    'Which ListenerSets may attach listeners to this Gateway. The Lattice controller does not support ListenerSets.',
  'allowedListeners.namespaces': 'Namespaces whose ListenerSets may attach; none by default.',
  'spec.addresses':
    'Requested addresses for the Gateway. VPC Lattice ignores them: clients use the DNS names Lattice gives each service.',
  'addresses[].type': 'Kind of address: `IPAddress`, `Hostname` or an implementation-specific type.',
  'addresses[].value': 'The address itself; may be omitted to let the implementation choose.',
  'spec.infrastructure':
    'Labels, annotations and parameters for resources an implementation creates. Lattice ignores it.',
  'infrastructure.labels': 'Labels to put on created infrastructure. Ignored by Lattice.',
  'infrastructure.annotations': 'Annotations to put on created infrastructure. Ignored by Lattice.',
  'spec.tls':
    'Gateway-wide TLS settings for client certificates and backends. Not used by the Lattice controller.',
  'tls.backend': 'TLS the Gateway uses towards backends. Not used by the Lattice controller.',
  'backend.clientCertificateRef': 'Client certificate the Gateway presents to backends. Not used by Lattice.',
  'clientCertificateRef.group': 'API group of the certificate object; empty for Secret.',
  'clientCertificateRef.kind': 'Kind of the certificate object, `Secret` by default.',
  'clientCertificateRef.name': 'Name of the certificate object.',
  'clientCertificateRef.namespace': 'Namespace of the certificate object.',
  'tls.frontend': 'Client-certificate validation on listeners. Not used by the Lattice controller.',
  'frontend.default': 'Validation applied to every HTTPS listener without a per-port setting.',
  'frontend.perPort': 'Validation settings for particular ports; each port at most once.',
  'perPort[].port': 'Listener port this setting applies to.',
  'perPort[].tls': 'Validation settings for the listeners on this port.',
  'tls.validation': 'How client certificates are checked.',
  'default.validation': 'How client certificates are checked.',
  'validation.caCertificateRefs': 'CA certificates used to verify client certificates.',
  'caCertificateRefs[].group': 'API group of the CA object; empty for core (ConfigMap).',
  'caCertificateRefs[].kind': 'Kind of the CA object, such as `ConfigMap`.',
  'caCertificateRefs[].name': 'Name of the CA object.',
  'caCertificateRefs[].namespace': 'Namespace of the CA object; defaults to the Gateway namespace.',
  'validation.mode':
    '`AllowValidOnly` (default) requires a valid client certificate; `AllowInsecureFallback` does not.',

  // Routes: attachment
  'spec.parentRefs':
    "Gateways (and optionally their listeners) this route attaches to. The Lattice controller handles the route only if one of them is a Lattice Gateway; the first such Gateway configures the service's listeners.",
  'parentRefs[].group': 'API group of the parent, `gateway.networking.k8s.io` by default.',
  'parentRefs[].kind':
    'Kind of the parent, `Gateway` by default. The Lattice controller looks up a Gateway by name whatever this says.',
  'parentRefs[].name': 'Name of the Gateway to attach to.',
  'parentRefs[].namespace':
    "Namespace of the Gateway; defaults to the route's namespace. Set it on every parentRef once one has it (a Lattice controller quirk carries it over).",
  'parentRefs[].sectionName':
    'Name of one listener of the Gateway; omitted means every listener that allows this route kind.',
  'parentRefs[].port': 'Attach only to listeners on this port; omitted means any port.',
  'spec.hostnames': [
    "Host names the route serves (at most 16). On Lattice only the first becomes the service's custom domain name, and only when the service is created.",
    `${LATTICE}/guides/custom-domain-name/`,
  ],
  'TLSRoute:spec.hostnames':
    'SNI host names (1-16, no IPs). Lattice requires one: the first becomes the custom domain of the passthrough service; clients must use it.',
  'spec.rules':
    'Routing rules, at most 16. On Lattice each becomes a listener rule, evaluated in this order (the quota of rules per listener applies).',
  'TLSRoute:spec.rules': 'Exactly one rule: the backends receiving the passthrough traffic.',
  'rules[].name': 'Optional name of the rule. Ignored by the Lattice controller.',
  'rules[].matches':
    'Conditions for the rule (any of them). Lattice supports exactly one match per rule: split several matches into several rules.',
  'rules[].backendRefs':
    'Where matching requests go, split by weight. On Lattice each becomes a target group; invalid ones are dropped, and a rule left with none answers 500.',
  'backendRefs[].group':
    'API group of the backend; empty for Service, `application-networking.k8s.aws` for ServiceImport. The Lattice controller ignores it.',
  'backendRefs[].kind':
    '`Service` (default) or `ServiceImport`; the Lattice controller rejects any other kind with `InvalidKind`.',
  'backendRefs[].name': 'Name of the Service or ServiceImport.',
  'backendRefs[].namespace':
    "Namespace of the backend; defaults to the route's. Lattice follows cross-namespace references without a ReferenceGrant.",
  'backendRefs[].port':
    'A `spec.ports[].port` of the Service (not its targetPort); required for Services. With no matching port Lattice registers no targets. Ignored for ServiceImport.',
  'backendRefs[].weight':
    'Share of traffic for this backend, relative to the others (default 1). The API allows up to 1,000,000 but Lattice accepts 0-999.',
  'backendRefs[].filters': `Filters applied to requests sent to this backend only. ${FILTER_IGNORED}`,
  'rules[].filters': `Filters applied to matching requests. ${FILTER_IGNORED}`,
  'filters[].type': `Which filter this is; the field of the same name must be set. ${FILTER_IGNORED}`,
  'filters[].requestHeaderModifier': `Adds, sets or removes request headers. ${FILTER_IGNORED}`,
  'filters[].responseHeaderModifier': `Adds, sets or removes response headers. ${FILTER_IGNORED}`,
  'add[].name': HEADER_NAME,
  'add[].value': 'Value appended to the header.',
  'set[].name': HEADER_NAME,
  'set[].value': 'Value that replaces the header.',
  'requestHeaderModifier.add': 'Headers to append to.',
  'requestHeaderModifier.set': 'Headers to overwrite.',
  'requestHeaderModifier.remove': 'Names of headers to remove.',
  'responseHeaderModifier.add': 'Headers to append to.',
  'responseHeaderModifier.set': 'Headers to overwrite.',
  'responseHeaderModifier.remove': 'Names of headers to remove.',
  'filters[].requestMirror': `Copies requests to another backend. ${FILTER_IGNORED}`,
  'requestMirror.backendRef': 'The backend that receives the copies.',
  'backendRef.group': 'API group of the mirror backend; empty for Service.',
  'backendRef.kind': 'Kind of the mirror backend, `Service` by default.',
  'backendRef.name': 'Name of the mirror backend.',
  'backendRef.namespace': "Namespace of the mirror backend; defaults to the route's.",
  'backendRef.port': 'Port of the mirror backend; required for Services.',
  'requestMirror.percent': 'Share of requests mirrored, 0-100.',
  'requestMirror.fraction': 'Share of requests mirrored, as a fraction.',
  'fraction.numerator': 'Numerator of the mirrored fraction.',
  'fraction.denominator': 'Denominator of the mirrored fraction (default 100).',
  'filters[].extensionRef': `An implementation-specific filter object. ${FILTER_IGNORED}`,
  'extensionRef.group': 'API group of the filter object.',
  'extensionRef.kind': 'Kind of the filter object.',
  'extensionRef.name': 'Name of the filter object.',
  'filters[].requestRedirect': `Answers with an HTTP redirect instead of forwarding. ${FILTER_IGNORED}`,
  'requestRedirect.scheme': 'Scheme of the redirect target, `http` or `https`.',
  'requestRedirect.hostname': 'Host name of the redirect target; defaults to the request host.',
  'requestRedirect.port': 'Port of the redirect target.',
  'requestRedirect.statusCode': 'Redirect status code, 301 (default), 302, 303, 307 or 308.',
  'requestRedirect.path': 'How the path of the redirect target is built.',
  'filters[].urlRewrite': `Rewrites host or path before forwarding. ${FILTER_IGNORED}`,
  'urlRewrite.hostname': 'Host header sent to the backend.',
  'urlRewrite.path': 'How the forwarded path is rewritten.',
  'path.type': '`ReplaceFullPath` or `ReplacePrefixMatch`; the field of the same name must be set.',
  'path.replaceFullPath': 'Path that replaces the whole request path.',
  'path.replacePrefixMatch': 'Replacement for the matched path prefix; needs a PathPrefix match.',
  'filters[].cors': `Cross-origin resource sharing answers. ${FILTER_IGNORED}`,
  'cors.allowOrigins': 'Origins allowed to make cross-origin requests; `*` alone for any.',
  'cors.allowCredentials': 'Whether credentials are allowed on cross-origin requests.',
  'cors.allowMethods': 'HTTP methods allowed; `*` alone for any.',
  'cors.allowHeaders': 'Request headers allowed; `*` alone for any.',
  'cors.exposeHeaders': 'Response headers browsers may read.',
  'cors.maxAge': 'Seconds a browser may cache the preflight answer (default 5).',
  'rules[].timeouts': 'Request timeouts. Ignored by the Lattice controller.',
  'timeouts.request': 'Timeout of the whole request, such as `10s`; `0s` disables it.',
  'timeouts.backendRequest': 'Timeout of one request to a backend; not longer than `request`.',

  // Route matches
  'matches[].path':
    'Path to match, `PathPrefix /` by default. Lattice supports `Exact` and `PathPrefix` (case-sensitive), not `RegularExpression`.',
  'matches[].path.type':
    '`Exact`, `PathPrefix` (default) or `RegularExpression`; Lattice rejects RegularExpression.',
  'matches[].path.value': 'The path, starting with `/`, at most 1024 characters.',
  'matches[].headers':
    'Request headers that must all match (at most 16; Lattice allows at most 5, exact only).',
  'headers[].name': HEADER_NAME,
  'headers[].type': '`Exact` (default) or `RegularExpression`; Lattice supports Exact only.',
  'headers[].value': 'Header value to match.',
  'HTTPRoute:spec.rules[].matches[].method': 'HTTP method to match, such as `GET`; one per match.',
  'matches[].queryParams':
    'Query parameters to match. The Lattice controller rejects any query parameter match.',
  'queryParams[].name': 'Name of the query parameter, compared exactly.',
  'queryParams[].type': '`Exact` (default) or `RegularExpression`.',
  'queryParams[].value': 'Value to match.',
  'GRPCRoute:spec.rules[].matches[].method':
    'gRPC service and method to match. Lattice turns it into a path match; always set `service` (a match without it fails on Lattice).',
  'method.type': '`Exact` (default) or `RegularExpression`; Lattice supports Exact only.',
  'method.service': 'Fully qualified gRPC service name, such as `helloworld.Greeter`.',
  'method.method': 'gRPC method name, such as `SayHello`; needs `service` on Lattice.',

  // ReferenceGrant
  'ReferenceGrant:spec.from': 'Objects, by namespace and kind, that may refer to the targets in `to`.',
  'from[].group': 'API group of the referring kind.',
  'from[].kind': 'Referring kind, such as `HTTPRoute`.',
  'from[].namespace': 'Namespace of the referring objects.',
  'ReferenceGrant:spec.to': 'Objects in this namespace that may be referred to.',
  'to[].group': 'API group of the target kind; empty for core.',
  'to[].kind': 'Target kind, such as `Service`.',
  'to[].name': 'Only this object may be referred to; omitted means any of the kind.',

  // Policies: targetRef
  'targetRef.group': 'API group of the target.',
  'targetRef.kind': 'Kind of the target.',
  'targetRef.name': "Name of the target, looked up in the policy's namespace.",
  'targetRef.namespace':
    "Namespace of the target. The controller looks the target up in the policy's own namespace; leave it out or set it equal.",
  'TargetGroupPolicy:spec.targetRef':
    'The Service (`group: ""`, `kind: Service`) or ServiceExport (`group: application-networking.k8s.aws`) whose target groups this policy shapes; same namespace only.',
  'IAMAuthPolicy:spec.targetRef':
    'The Gateway (service network) or HTTPRoute/GRPCRoute (service) the policy guards, group `gateway.networking.k8s.io`, in the same namespace. TLSRoute is not allowed.',
  'VpcAssociationPolicy:spec.targetRef':
    "The Gateway (group `gateway.networking.k8s.io`, same namespace) whose service network is associated with the cluster's VPC.",
  'AccessLogPolicy:spec.targetRef':
    'The Gateway, HTTPRoute or GRPCRoute whose Lattice traffic is logged. An omitted `namespace` counts as `default`, so set it outside `default`.',
  'AccessLogPolicy:spec.targetRef.namespace':
    'Namespace of the target. Omitted counts as `default` (not the policy namespace) and must equal the policy namespace.',

  // TargetGroupPolicy
  'TargetGroupPolicy:spec.protocol':
    'Protocol Lattice uses to reach the targets: `HTTP` (default), `HTTPS` or `TCP`, exactly so. Changing it replaces the target group.',
  'TargetGroupPolicy:spec.protocolVersion':
    'HTTP version towards the targets: `HTTP1` (default) or `HTTP2`. Not allowed with `protocol: TCP`; GRPCRoute backends always use GRPC.',
  'spec.healthCheck': ['How Lattice checks target health. Changes apply in place.', LATTICE_HEALTH],
  'healthCheck.enabled': ['Whether Lattice health-checks the targets.', LATTICE_HEALTH],
  'healthCheck.intervalSeconds': ['Seconds between checks, 5-300.', LATTICE_HEALTH],
  'healthCheck.timeoutSeconds': ['Seconds to wait for an answer, 1-120.', LATTICE_HEALTH],
  'healthCheck.healthyThresholdCount': [
    'Consecutive successes before a target is healthy, 2-10.',
    LATTICE_HEALTH,
  ],
  'healthCheck.unhealthyThresholdCount': [
    'Consecutive failures before a target is unhealthy, 2-10.',
    LATTICE_HEALTH,
  ],
  'healthCheck.statusMatch': [
    'HTTP codes that count as healthy: `200`, `200-299` or `200,202`.',
    LATTICE_HEALTH,
  ],
  'healthCheck.path': ['Path requested by HTTP health checks, starting with `/`.', LATTICE_HEALTH],
  'healthCheck.port': ['Port to check; defaults to the target port.', LATTICE_HEALTH],
  'healthCheck.protocol': [
    'Protocol of the health check, `HTTP` or `HTTPS`. Use HTTPS when the targets only speak TLS, or they never become healthy.',
    LATTICE_HEALTH,
  ],
  'healthCheck.protocolVersion': ['HTTP version of the health check, `HTTP1` or `HTTP2`.', LATTICE_HEALTH],

  // IAMAuthPolicy
  'spec.policy': [
    'The IAM policy document, as a JSON string (at most 10 KB). Actions are `vpc-lattice-svcs:Invoke` or `vpc-lattice-svcs:*`; requests it does not allow get 403.',
    'https://docs.aws.amazon.com/vpc-lattice/latest/ug/auth-policies.html',
  ],

  // VpcAssociationPolicy
  'spec.associateWithVpc':
    "Whether the cluster's VPC is associated with the Gateway's service network (default true). `false` removes the association, cutting off clients in the VPC.",
  'spec.securityGroupIds': [
    'Security groups (`sg-…`, at most 5) on the VPC association; they filter traffic from clients in the VPC to Lattice. Removing entries here does not detach them.',
    LATTICE_QUOTAS,
  ],

  // AccessLogPolicy
  'spec.destinationArn':
    'ARN of the log destination: an S3 bucket (`arn:aws:s3:::bucket`), a CloudWatch log group or a Firehose delivery stream. One destination of each type per target.',

  // ServiceExport
  'spec.exportedPorts':
    'Which Service ports to export and how. Without it, the `application-networking.k8s.aws/port` annotation or else every port is exported as HTTP.',
  'exportedPorts[].port': 'A `spec.ports[].port` of the exported Service (not its targetPort).',
  'exportedPorts[].routeType':
    'Route kind that will use this port: `HTTP`, `GRPC` or `TLS`; decides the target group protocol.',

  // ServiceImport
  'ServiceImport:spec.type':
    '`ClusterSetIP` or `Headless`. Required by the CRD; not used for Lattice routing.',
  'ServiceImport:spec.ports':
    'Ports of the imported service. Required by the CRD; Lattice routes to the exported port instead.',
  'ports[].name': 'Name of the port.',
  'ports[].port': 'Port number.',
  'ports[].protocol': 'IP protocol, `TCP` by default.',
  'ports[].appProtocol': 'Application protocol of the port, informational.',
  'spec.ips': 'Cluster-set IP (at most one). Not used by Lattice.',
  'spec.sessionAffinity': 'Session affinity, `None` or `ClientIP`. Not used by Lattice.',
  'spec.sessionAffinityConfig': 'Session affinity settings. Not used by Lattice.',
  'sessionAffinityConfig.clientIP': 'Client IP affinity settings.',
  'clientIP.timeoutSeconds': 'Affinity duration in seconds.',
};
