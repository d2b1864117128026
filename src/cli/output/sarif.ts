// SARIF 2.1.0 output for code-scanning tools (GitHub code scanning, Azure DevOps). The rule list
// comes from the registry, so every code the linter can report is described with its docs link.

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocsUrl, type Rule, type Severity } from '../../engine';
import type { LintRecord } from './lintOutput';
import { productVersion } from '../../shared/version';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/eks-networking/eks-networking';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

function describeRule(rule: Rule) {
  const markdown = [
    rule.why,
    '',
    'Bad:',
    '```yaml',
    rule.badExample.trimEnd(),
    '```',
    'Good:',
    '```yaml',
    rule.goodExample.trimEnd(),
    '```',
  ].join('\n');
  return {
    id: rule.code,
    name: rule.slug,
    shortDescription: { text: stripMarkdown(rule.summary) },
    fullDescription: { text: stripMarkdown(rule.why) },
    help: { text: `${stripMarkdown(rule.why)} See ${ruleDocsUrl(rule)}`, markdown },
    helpUri: ruleDocsUrl(rule),
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
    // GitHub code scanning shows tags as filters; the category says what kind of mistake it is.
    properties: { tags: [rule.category, ...(rule.targets ?? [])] },
  };
}

/** SARIF text fields are plain text; drop the backticks used in rule metadata. */
function stripMarkdown(text: string): string {
  return text.replace(/`/g, '');
}

/** Relative paths as relative URIs with forward slashes (what code scanning expects); absolute ones as file: URIs. */
function toUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split(/[\\/]/)
    .map((part) => encodeURIComponent(part))
    .join('/');
}

/** `unchecked`: one line per path that could not be read; the run is then not a success. */
export function formatSarif(records: LintRecord[], unchecked: readonly string[] = []): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.code, index]));
  const results = records.map((record) => ({
    ruleId: record.code,
    ...(ruleIndex.has(record.code) ? { ruleIndex: ruleIndex.get(record.code) } : {}),
    level: LEVELS[record.severity],
    message: { text: record.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: record.file === '<stdin>' ? { uri: 'stdin' } : { uri: toUri(record.file) },
          region: {
            startLine: record.line,
            startColumn: record.column,
            endLine: record.endLine,
            endColumn: record.endColumn,
          },
        },
        ...(record.path ? { logicalLocations: [{ fullyQualifiedName: record.path, kind: 'member' }] } : {}),
      },
    ],
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'eksnet',
            fullName: 'EKS Networking (eksnet lint)',
            version: productVersion(),
            informationUri: INFORMATION_URI,
            rules: RULES.map(describeRule),
          },
        },
        invocations: [
          {
            executionSuccessful: unchecked.length === 0,
            toolExecutionNotifications: unchecked.map((text) => ({ level: 'error', message: { text } })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
