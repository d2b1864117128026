// SARIF 2.1.0 output for code-scanning tools (GitHub code scanning, Azure DevOps). The rule list
// comes from the registry, so every code the linter can report is described with its docs link.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocsUrl, type Rule, type Severity } from '../../engine';
import type { LintRecord } from './lintOutput';

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
    rule.badExample,
    '```',
    'Good:',
    '```yaml',
    rule.goodExample,
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

export function formatSarif(records: LintRecord[], toolVersion = packageVersion()): string {
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
            version: toolVersion,
            informationUri: INFORMATION_URI,
            rules: RULES.map(describeRule),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The extension's version from the nearest package.json (bundled in dist/ or compiled in out/). */
function packageVersion(): string {
  for (let directory = __dirname; ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? 'unknown';
      } catch {
        return 'unknown';
      }
    }
    if (dirname(directory) === directory) return 'unknown';
  }
}
