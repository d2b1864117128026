// The CRDs' CEL rules, evaluated by src/engine/schema/cel/: the schemas carry every rule of the CRDs
// where the CRD has it, each case in test/fixtures/lattice/cel/ yields exactly the violations it
// lists, every rule of a CRD is broken by some case, and the controller's own examples break none.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { celValidateById, withDefaults, celPropertyName } from '../../src/engine/schema/cel/celValidation';
import { kubernetesIsIP } from '../../src/engine/schema/cel/celEnvironment';
import { getSchemaRegistry, type SchemaNode } from '../../src/engine/schema/schemaRegistry';
import { FIXTURES } from '../support/paths';

const CRD_DIR = join(FIXTURES, 'lattice/crds');
const CASE_DIR = join(FIXTURES, 'lattice/cel');
const SCHEMA_BASE = 'https://eks-networking.github.io/schemas/';

interface CrdRule {
  kind: string;
  version: string;
  /** Where the rule sits, as `spec.listeners[]`. */
  at: string;
  rule: string;
  message: string | undefined;
}

type Crd = {
  spec: {
    group: string;
    names: { kind: string };
    versions: { name: string; served: boolean; schema: { openAPIV3Schema: Record<string, unknown> } }[];
  };
};

const crds = readdirSync(CRD_DIR).map((file) => parse(readFileSync(join(CRD_DIR, file), 'utf8')) as Crd);

function rulesOf(
  node: Record<string, unknown>,
  at: string,
  visit: (rule: string, message: string | undefined, at: string) => void,
) {
  for (const { rule, message } of (node['x-kubernetes-validations'] ?? []) as {
    rule: string;
    message?: string;
  }[]) {
    visit(rule, message, at);
  }
  for (const [name, child] of Object.entries(
    (node.properties ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    rulesOf(child, at ? `${at}.${name}` : name, visit);
  }
  if (node.items) rulesOf(node.items as Record<string, unknown>, `${at}[]`, visit);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    rulesOf(node.additionalProperties as Record<string, unknown>, `${at}{}`, visit);
  }
}

/** Every CEL rule of every served version, outside `status` (which the controller writes, and we leave open). */
const CRD_RULES: CrdRule[] = crds.flatMap((crd) =>
  crd.spec.versions
    .filter((version) => version.served)
    .flatMap((version) => {
      const found: CrdRule[] = [];
      rulesOf(version.schema.openAPIV3Schema, '', (rule, message, at) => {
        if (!at.startsWith('status'))
          found.push({ kind: crd.spec.names.kind, version: version.name, at, rule, message });
      });
      return found;
    }),
);

function schemaId(kind: string, apiVersion: string): string {
  const [group, version] = apiVersion.split('/');
  return `${SCHEMA_BASE}${kind.toLowerCase()}-${group}-${version}.json`;
}

/** The same listing, read from our schema (following `$ref`s into definitions). */
function schemaRules(id: string): string[] {
  const registry = getSchemaRegistry();
  const found: string[] = [];
  const visit = (node: SchemaNode, at: string) => {
    const resolved = registry.resolve(node);
    for (const { rule } of resolved['x-kubernetes-validations'] ?? []) found.push(`${at} ${rule}`);
    for (const [name, child] of Object.entries(resolved.properties ?? {})) {
      if (!(at === '' && name === 'status')) visit(child, at ? `${at}.${name}` : name);
    }
    if (resolved.items) visit(resolved.items, `${at}[]`);
    if (typeof resolved.additionalProperties === 'object') visit(resolved.additionalProperties, `${at}{}`);
  };
  visit({ $ref: id }, '');
  return found.sort();
}

interface Case {
  file: string;
  name: string;
  value: Record<string, unknown>;
  breaks: string[];
  skips: string[];
}

/** The `#` lines at the top of each `---` document of a case file. */
function headers(text: string): string[][] {
  return text.split(/^---$/m).map((chunk) => {
    const lines = chunk.split('\n').map((line) => line.trim());
    const start = lines.findIndex((line) => line !== '');
    const end = lines.findIndex((line, index) => index >= start && !line.startsWith('#'));
    return lines.slice(start, end).map((line) => line.replace(/^#\s*/, ''));
  });
}

function cases(): Case[] {
  return readdirSync(CASE_DIR)
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) => {
      const text = readFileSync(join(CASE_DIR, file), 'utf8');
      const documentHeaders = headers(text);
      return parseAllDocuments(text).map((document, index) => {
        const header = documentHeaders[index] ?? [];
        const listed = (prefix: string) =>
          header.filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length).trim());
        const value = document.toJS() as Record<string, unknown>;
        const name = String((value.metadata as { name?: string } | undefined)?.name);
        return { file, name, value, breaks: listed('breaks:'), skips: listed('skips:') };
      });
    });
}

const pointer = (path: readonly (string | number)[]) => `/${path.join('/')}`;

describe('CEL rules of the Gateway API CRDs', () => {
  it('finds CEL rules in the CRDs (the fixture copies are there)', () => {
    assert.ok(CRD_RULES.length > 150, `found ${CRD_RULES.length}`);
  });

  it('copies each CRD rule into our schema at the same place, and no other', () => {
    const versions = new Set(CRD_RULES.map(({ kind, version }) => `${kind} ${version}`));
    for (const crd of crds) {
      for (const version of crd.spec.versions.filter((candidate) => candidate.served)) {
        const kind = crd.spec.names.kind;
        const expected = CRD_RULES.filter((rule) => rule.kind === kind && rule.version === version.name)
          .map(({ at, rule }) => `${at} ${rule}`)
          .sort();
        const id = schemaId(kind, `${crd.spec.group}/${version.name}`);
        assert.deepEqual(schemaRules(id), expected, id);
        if (expected.length > 0) assert.ok(versions.has(`${kind} ${version.name}`));
      }
    }
  });

  const covered = new Set<string>();
  const skipped = new Set<string>();
  for (const testCase of cases()) {
    it(`${testCase.file} ${testCase.name}: yields exactly the listed violations`, () => {
      const { apiVersion, kind } = testCase.value as { apiVersion: string; kind: string };
      const id = schemaId(kind, apiVersion);
      // The same case against every served version of the kind (v1beta1 shares v1's rules).
      const versions = CRD_RULES.filter((rule) => rule.kind === kind).map((rule) => rule.version);
      for (const version of new Set([apiVersion.split('/')[1], ...versions])) {
        const versionId = id.replace(/-v[0-9a-z]+\.json$/, `-${version}.json`);
        const report = celValidateById(versionId, testCase.value);
        const actual = report.violations.map(
          (violation) => `${pointer(violation.path)} | ${violation.message}`,
        );
        assert.deepEqual([...actual].sort(), [...testCase.breaks].sort(), `${kind} ${version}`);
        for (const violation of report.violations) covered.add(`${kind} ${version} ${violation.rule}`);
        for (const skip of report.skipped) skipped.add(`${kind} ${version} ${skip.rule}`);
        const skips = report.skipped.map((skip) => `${pointer(skip.path)} | ${skip.rule}`);
        assert.deepEqual(skips, testCase.skips, `${kind} ${version} skipped rules`);
      }
    });
  }

  it('breaks every CEL rule of every served version with some case (transition rules: reports them skipped)', () => {
    const uncovered = CRD_RULES.filter(({ kind, version, rule }) => {
      const key = `${kind} ${version} ${rule}`;
      return /\boldSelf\b/.test(rule) ? !skipped.has(key) : !covered.has(key);
    }).map(({ kind, version, at, message }) => `${kind} ${version} ${at}: ${message}`);
    assert.deepEqual([...new Set(uncovered)], []);
  });

  it("finds no CEL violation in the controller's own examples", () => {
    const dir = join(FIXTURES, 'schemas/valid');
    for (const file of readdirSync(dir).filter((name) => name.startsWith('lattice__'))) {
      for (const document of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
        const value = document.toJS() as { apiVersion: string; kind: string };
        const report = celValidateById(schemaId(value.kind, value.apiVersion), value);
        assert.deepEqual(report.violations, [], file);
      }
    }
  });

  it('reports a rule that cannot be evaluated as a violation with the error (as the API server rejects it)', () => {
    const gateway = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'a' },
      spec: {
        gatewayClassName: 'amazon-vpc-lattice',
        listeners: [{ name: 'https', port: 443, protocol: 'HTTPS', tls: { mode: 'Terminate' } }],
      },
    };
    const [violation, ...others] = celValidateById(
      schemaId('Gateway', gateway.apiVersion),
      gateway,
    ).violations;
    assert.deepEqual(others, []);
    assert.equal(violation?.message, 'certificateRefs or options must be specified when mode is Terminate');
    assert.match(String(violation?.evaluationError), /certificateRefs|options|no such|not found/i);
  });

  it('does not evaluate rules on a list longer than its maxItems (bounded work on hostile input)', () => {
    const listeners = Array.from({ length: 5000 }, () => ({ name: 'http', port: 80, protocol: 'HTTP' }));
    const value = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', spec: { listeners } };
    assert.deepEqual(celValidateById(schemaId('Gateway', value.apiVersion), value).violations, []);
  });

  it('fills in defaults before evaluating, as the API server does', () => {
    const registry = getSchemaRegistry();
    const id = schemaId('HTTPRoute', 'gateway.networking.k8s.io/v1');
    const route = withDefaults(
      registry,
      { $ref: id },
      { spec: { rules: [{ backendRefs: [{ name: 'a', port: 80 }] }] } },
    );
    assert.deepEqual(route, {
      spec: {
        rules: [
          {
            backendRefs: [{ name: 'a', port: 80, group: '', kind: 'Service', weight: 1 }],
            matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          },
        ],
      },
    });
  });

  it('escapes property names as Kubernetes CEL does', () => {
    assert.equal(celPropertyName('namespace'), '__namespace__');
    assert.equal(celPropertyName('a-b.c/d'), 'a__dash__b__dot__c__slash__d');
    assert.equal(celPropertyName('x__y'), 'x__underscores__y');
    assert.equal(celPropertyName('name'), 'name');
  });

  it('isIP accepts IPv4 and IPv6 addresses only, as the Kubernetes library does', () => {
    for (const ip of ['10.0.0.1', '::1', '2001:db8::1']) assert.equal(kubernetesIsIP(ip), true, ip);
    for (const text of ['example.com', '10.0.0', '010.0.0.1', 'fe80::1%eth0', '::ffff:10.0.0.1', '']) {
      assert.equal(kubernetesIsIP(text), false, text);
    }
  });
});
