// Renders docs/rules.md from the rule registry. `scripts/gen-rules-doc.mjs` writes the file and a
// test fails when the committed page differs, so the page never drifts from the code.

import type { AnyRule as Rule, RuleCategory } from './types';
import { RULES, ruleDocsUrl } from './index';
import { fileComment, nextLineComment } from '../../shared/suppressionSyntax';

interface Family {
  title: string;
  intro: string;
  matches(rule: Rule): boolean;
}

/**
 * VPC Lattice (the AWS Gateway API Controller), by the hundreds of the LAT code. The schema and CEL
 * checks (SCH001–SCH006) apply to every Gateway API resource; the LAT rules only to the Gateways
 * the controller handles, the routes attached to them, and the controller's own kinds.
 */
const LATTICE_SCOPE =
  'They apply to Lattice Gateways (class with `controllerName: application-networking.k8s.aws/gateway-api-controller`, class `amazon-vpc-lattice`, or a class named in `eksNetworking.lattice.gatewayClasses`), the routes whose parentRefs reach one, and the `application-networking.k8s.aws` kinds; Gateways of other implementations get none of them.';

function latticeFamily(hundreds: string, title: string, intro: string): Family {
  return {
    title: `VPC Lattice: ${title}`,
    intro: `${intro} ${LATTICE_SCOPE}`,
    matches: (rule) => new RegExp(`^LAT${hundreds}\\d\\d$`).test(rule.code),
  };
}

const LATTICE_FAMILIES: Family[] = [
  latticeFamily('0', 'versions and metadata', 'Gateway API versions and object metadata.'),
  latticeFamily(
    '1',
    'GatewayClass, Gateway and service networks',
    'What the AWS Gateway API Controller does with classes and Gateways: a Gateway is a VPC Lattice service network.',
  ),
  latticeFamily(
    '2',
    'route attachment, backends and service names',
    'Which listeners a route attaches to, where its backendRefs lead, and the VPC Lattice service it becomes.',
  ),
  latticeFamily(
    '3',
    'route rules and matches',
    'What a VPC Lattice rule can match: one match per rule, exact or prefix paths, exact headers (at most 5), no query parameters; filters and timeouts are ignored.',
  ),
  latticeFamily(
    '4',
    'policies',
    'TargetGroupPolicy, IAMAuthPolicy, VpcAssociationPolicy and AccessLogPolicy: what they may target, and what Lattice accepts in them.',
  ),
  latticeFamily('5', 'ServiceExport and ServiceImport', 'Multi-cluster services through VPC Lattice.'),
];

const FAMILIES: Family[] = [
  {
    title: 'YAML, apiVersion and schema',
    intro: 'Checks on every document of a kind we know: it must be valid YAML and match the resource schema.',
    matches: (rule) => inCategory(rule, 'yaml', 'schema'),
  },
  {
    title: 'Every kind: accepted, but not what it looks like',
    intro:
      'Checks that look at several resources together: the files of one `eksnet lint` run, or the open documents in the editor.',
    matches: (rule) => rule.kinds === 'any' && inCategory(rule, 'semantics'),
  },
  {
    title: 'Templates',
    intro:
      'Many SecurityGroupPolicy and ENIConfig files are templates. Placeholders are noted once and skipped by the format checks; templates that are not YAML until rendered get one note instead of syntax errors.',
    matches: (rule) => inCategory(rule, 'template'),
  },
  {
    title: 'NetworkPolicy: rejected by the API server',
    intro: "Errors with the API server's own wording and field path.",
    matches: (rule) => forKind(rule, 'NetworkPolicy') && inCategory(rule, 'api-server'),
  },
  {
    title: 'NetworkPolicy: accepted, but not what it looks like',
    intro: "What the API server's defaulting and the policy semantics do with a manifest that it accepts.",
    matches: (rule) => forKind(rule, 'NetworkPolicy') && inCategory(rule, 'semantics'),
  },
  {
    title: 'NetworkPolicy: EKS network policy agent caveats',
    intro:
      'Only with `eksNetworking.target: "eks"` (the default). The Amazon VPC CNI network policy agent enforces policies with eBPF and differs from upstream Kubernetes in these places. It also never isolates pods with `hostNetwork: true`.',
    matches: (rule) => forKind(rule, 'NetworkPolicy') && inCategory(rule, 'eks-agent'),
  },
  {
    title: 'SecurityGroupPolicy',
    intro: 'Checks for `vpcresources.k8s.aws/v1beta1` SecurityGroupPolicy (security groups for pods).',
    matches: (rule) => forKind(rule, 'SecurityGroupPolicy'),
  },
  {
    title: 'ENIConfig',
    intro: 'Checks for `crd.k8s.amazonaws.com/v1alpha1` ENIConfig (VPC CNI custom networking).',
    matches: (rule) => forKind(rule, 'ENIConfig'),
  },
  ...LATTICE_FAMILIES,
];

function inCategory(rule: Rule, ...categories: RuleCategory[]): boolean {
  return categories.includes(rule.category);
}

/** Rules written for this kind alone (rules for every kind are grouped by category above). */
function forKind(rule: Rule, kind: string): boolean {
  return rule.kinds !== 'any' && rule.kinds.length === 1 && rule.kinds[0] === kind;
}

/** The heading of a rule's section; GitHub turns it into the anchor `ruleDocsUrl()` links to. */
export function ruleHeading(rule: Rule): string {
  return `${rule.code} ${rule.slug}`;
}

function anchor(rule: Rule): string {
  return ruleDocsUrl(rule).slice(ruleDocsUrl(rule).indexOf('#'));
}

function kinds(rule: Rule): string {
  return rule.kinds === 'any' ? 'all' : rule.kinds.join(', ');
}

function section(rule: Rule): string {
  return [
    `### ${ruleHeading(rule)}`,
    '',
    `Severity: **${rule.defaultSeverity}** · Kinds: ${kinds(rule)} · Category: ${rule.category}${rule.targets ? ` · Only for target: ${rule.targets.join(', ')}` : ''} · Quick fix: ${rule.fix ? 'yes' : 'no'}`,
    '',
    rule.summary,
    '',
    rule.why,
    '',
    'Bad:',
    '',
    '```yaml',
    rule.badExample.trimEnd(),
    '```',
    '',
    'Good:',
    '',
    '```yaml',
    rule.goodExample.trimEnd(),
    '```',
    '',
    `Reference: <${rule.docs}>`,
    '',
  ].join('\n');
}

export function renderRulesDoc(rules: readonly Rule[] = RULES): string {
  const out: string[] = [
    '# Rules',
    '',
    '<!-- Generated from the rule metadata in src/engine/rules by `node scripts/gen-rules-doc.mjs`. Do not edit by hand. -->',
    '',
    'Every diagnostic has a code; the editor links each one to its section below.',
    '',
    '**How severe a finding is.** An *error* is a manifest that cannot do what it is for: the API server or a CRD rejects it, or it is accepted and then does nothing at all (a SecurityGroupPolicy that selects no pods or lists no security groups is skipped by the VPC resource controller, so the resource has no effect). A *warning* is accepted and partly ignored or not what it looks like (rules that policyTypes leaves out, NP201; a port the EKS agent cannot enforce). An *info* note is correct but worth knowing (a missing namespace, a selector that selects every pod).',
    '',
    '- Change a severity or turn a rule off with the `eksNetworking.rules` setting (`{ "NP209": "off", "NP203": "error" }`) or `eksnet lint --rule NP209=off`.',
    `- Hide a code on the next line with \`${nextLineComment(['CODE'])}\`, or in the whole file with \`${fileComment(['CODE'])}\`.`,
    '- `eksNetworking.target` (`eks` or `generic`) turns the EKS agent caveats on or off; `eksNetworking.clusterIpFamily` (`ipv4` or `ipv6`) is the family the agent enforces.',
    '- `eksNetworking.lattice.gatewayClasses` names more GatewayClasses handled by the AWS Gateway API Controller; `eksNetworking.lattice.listenersPerService` and `eksNetworking.lattice.rulesPerListener` are your account’s VPC Lattice quotas (2 and 5 by default).',
    '',
    '| Code | Severity | Summary |',
    '| --- | --- | --- |',
    ...rules.map(
      (rule) =>
        `| [${rule.code}](${anchor(rule)}) | ${rule.defaultSeverity} | ${rule.summary.replace(/\|/g, '\\|')} |`,
    ),
    '',
  ];
  for (const family of FAMILIES) {
    const members = rules.filter((rule) => family.matches(rule));
    if (members.length === 0) continue;
    out.push(`## ${family.title}`, '', family.intro, '', ...members.map(section));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
