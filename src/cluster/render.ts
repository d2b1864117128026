// Reports as plain text (CLI) and Markdown (VS Code preview). JSON output uses the report objects as they are.

import type { CniStatus } from './cni/awsNode';
import type { ApplyOutcome } from './cni/applyPlan';
import type { ChangePlan } from './cni/enable';
import type { CheckStatus, DoctorReport } from './doctor';
import type { CniNodeRow } from './nodes';
import type { PrefixReport } from './prefixes';
import { wrapCommand } from './process';

export type Style = 'text' | 'markdown';

const MARKS: Record<CheckStatus, string> = { pass: '✓', fail: '✗', warn: '!', info: 'i', skip: '–' };

function table(style: Style, header: string[], rows: string[][]): string {
  if (style === 'markdown') {
    const escape = (cell: string) => cell.replace(/\|/g, '\\|');
    return [
      `| ${header.join(' | ')} |`,
      `|${header.map(() => '---').join('|')}|`,
      ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
    ].join('\n');
  }
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => row[index].length)));
  const line = (row: string[]) =>
    row
      .map((cell, index) => cell.padEnd(widths[index]))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function heading(style: Style, text: string): string {
  return style === 'markdown' ? `## ${text}` : text;
}

function code(style: Style, text: string): string {
  return style === 'markdown' ? `\`${text}\`` : text;
}

function block(style: Style, text: string): string {
  return style === 'markdown' ? `\`\`\`sh\n${text}\n\`\`\`` : `  ${text}`;
}

export function renderStatus(status: CniStatus, style: Style): string {
  const policy = status.networkPolicy;
  const lines = [
    heading(style, `VPC CNI status — context ${status.context}`),
    '',
    ...[
      `Version: ${status.version ?? '(unknown)'}   Image: ${code(style, status.image ?? '(none)')}`,
      `Managed by: ${status.owner.kind === 'eks-addon' ? 'EKS add-on' : status.owner.kind === 'helm' ? 'Helm' : 'self-managed'}`,
      `Network policy enforcement: ${policy.enforced ? 'on' : policy.inconsistent ? 'half on (inconsistent)' : 'off'} (ConfigMap enable-network-policy-controller=${policy.configMapValue ?? '(unset)'}, node agent ${policy.agentPresent ? `--enable-network-policy=${policy.agentFlag ?? '(unset)'}` : 'container missing'})`,
    ].map((line) => (style === 'markdown' ? `- ${line}` : line)),
    '',
    table(
      style,
      ['Setting', 'Value', 'Effective', 'Meaning'],
      status.settings.map((setting) => [
        setting.name,
        setting.value ?? '(unset)',
        setting.effective,
        setting.meaning,
      ]),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The plan's title: the question a confirmation asks. */
export function planTitle(plan: ChangePlan): string {
  return `Enable ${plan.feature.title.toLowerCase()} on context "${plan.target.context}"?`;
}

/**
 * The plan as text or Markdown. `dialog`: for a modal whose title is planTitle(): no heading, and
 * the command over several lines that break only between arguments.
 */
export function renderPlan(plan: ChangePlan, style: Style, options: { dialog?: boolean } = {}): string {
  const lines = options.dialog
    ? []
    : [heading(style, `Enable ${plan.feature.title.toLowerCase()} — context ${plan.target.context}`), ''];
  lines.push(`Cluster: ${plan.target.cluster} (${plan.target.server})`);
  lines.push(`VPC CNI: ${plan.version ?? '(unknown)'}`);
  if (plan.changes.length === 0) {
    lines.push('', 'Already on: every setting has the wanted value; nothing to change.');
  } else {
    lines.push('', 'Changes to the aws-node container (every other env entry stays as it is):');
    for (const change of plan.changes)
      lines.push(`  ${change.name}: ${change.before ?? '(unset)'} → ${change.after}`);
    lines.push(
      '',
      'Command:',
      options.dialog ? wrapCommand(plan.commandArgv) : block(style, plan.commandLine),
    );
  }
  if (plan.warnings.length > 0)
    lines.push('', 'Warnings:', ...plan.warnings.map((warning) => `  ! ${warning}`));
  lines.push('', 'Before you go ahead:', ...plan.caveats.map((caveat) => `  - ${caveat}`));
  if (plan.addon)
    lines.push(
      '',
      'EKS add-on alternative (merge with your current configuration values):',
      block(style, plan.addon.command),
    );
  return `${lines.join('\n')}\n`;
}

export function renderOutcome(outcome: ApplyOutcome): string {
  const lines = [outcome.message];
  for (const change of outcome.changes)
    lines.push(`  ${change.name}: ${change.before ?? '(unset)'} → ${change.after}`);
  return `${lines.join('\n')}\n`;
}

export function renderCniNodes(context: string, rows: CniNodeRow[], style: Style): string {
  const body =
    rows.length === 0
      ? 'No CNINode objects (the VPC resource controller creates one per node).'
      : table(
          style,
          ['Node', 'Features'],
          rows.map((row) => [row.node, row.features.join(', ') || '(none)']),
        );
  return `${heading(style, `CNINodes — context ${context}`)}\n\n${body}\n`;
}

export function renderPrefixes(report: PrefixReport, style: Style): string {
  const rows = report.nodes.map((node) => [
    node.privateDnsName || '(no DNS name)',
    node.instanceId,
    node.instanceType,
    node.zone,
    [...node.ipv4Prefixes, ...node.ipv6Prefixes].join(', ') || '(none)',
  ]);
  const body =
    rows.length === 0
      ? `No running instances tagged eks:cluster-name=${report.cluster.name}.`
      : table(style, ['Node', 'Instance', 'Type', 'Zone', 'Prefixes'], rows);
  return `${heading(style, `Node prefixes — cluster ${report.cluster.name}${report.cluster.region ? ` (${report.cluster.region})` : ''}`)}\n\n${body}\n`;
}

/** A report of checks: the Networking Doctor's, or another with the same shape (`title`). */
export function renderDoctor(report: DoctorReport, style: Style, title = 'Networking Doctor'): string {
  const lines = [heading(style, `${title}${report.context ? ` — context ${report.context}` : ''}`), ''];
  for (const check of report.checks) {
    lines.push(
      style === 'markdown'
        ? `- ${MARKS[check.status]} **${check.title}**: ${check.detail}`
        : `${MARKS[check.status]} ${check.title}: ${check.detail}`,
    );
    if (check.fix) lines.push(style === 'markdown' ? `  - Fix: \`${check.fix}\`` : `    fix: ${check.fix}`);
  }
  const failures = report.checks.filter((check) => check.status === 'fail').length;
  const warnings = report.checks.filter((check) => check.status === 'warn').length;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  lines.push(
    '',
    failures > 0
      ? `${plural(failures, 'problem')} found${warnings > 0 ? `, and ${plural(warnings, 'warning')}` : ''}.`
      : warnings > 0
        ? `No failed checks, but ${plural(warnings, 'warning')} (!) to look at.`
        : 'No problems found.',
  );
  return `${lines.join('\n')}\n`;
}
