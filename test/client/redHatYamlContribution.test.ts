// What we hand to Red Hat YAML's schema-contributor API, checked with the real yaml-language-server
// (the server inside Red Hat YAML): with the Kubernetes schema mapped to every file, it reports its
// own "Property podSelecter is not allowed." beside ours, hovers and completes our fields too; with
// our contributed schema it leaves our documents alone and still checks the Service beside them.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  claimsText,
  contributedSchemaContent,
  contributedSchemaUri,
  DEFAULT_KUBERNETES_VERSION,
  mappedSchemas,
  schemaKeyUri,
} from '../../src/client/redHatYaml/contribution';
import { YamlLanguageServer } from '../support/yamlLanguageServer';
import { FIXTURES } from '../support/paths';

const DIR = join(FIXTURES, 'redhat-yaml');
const KUBERNETES_SCHEMA = pathToFileURL(join(DIR, 'kubernetes-strict.schema.json')).href;
const MIXED = readFileSync(join(DIR, 'mixed.yaml'), 'utf8');
const URI = 'file:///workspace/mixed.yaml';
const lineOf = (text: string) => MIXED.split('\n').findIndex((line) => line.includes(text));

const YAML_SETTINGS = {
  schemas: { [KUBERNETES_SCHEMA]: '*.yaml' },
  validate: true,
  hover: true,
  completion: true,
  schemaStore: { enable: false },
  kubernetesCRDStore: { enable: false },
};

test('a file is claimed when a line names one of our kinds, as Red Hat YAML tests the label', () => {
  assert.equal(claimsText(MIXED), true);
  assert.equal(claimsText('apiVersion: apps/v1\nkind: Deployment\n'), false);
  assert.equal(claimsText('kind:\tENIConfig\n'), true);
  assert.equal(claimsText('{apiVersion: networking.k8s.io/v1, kind: "NetworkPolicy"}\n'), true);
  assert.equal(claimsText('# kind NetworkPolicy in a comment without the colon\nkind: Pod\n'), false);
});

test('yaml.schemas keys are read as Red Hat YAML reads them', () => {
  const folders = [{ name: 'infra', path: '/home/me/infra' }];
  assert.equal(
    schemaKeyUri('kubernetes', { folders }),
    `https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/${DEFAULT_KUBERNETES_VERSION}-standalone-strict/all.json`,
  );
  assert.match(
    schemaKeyUri(' Kubernetes ', { folders, kubernetesVersion: '1.30.2' }),
    /\/v1\.30\.2-standalone-strict\//,
  );
  assert.equal(schemaKeyUri('/schemas/k8s.json', { folders }), 'file:///schemas/k8s.json');
  assert.equal(schemaKeyUri('https://example.com/s.json', { folders }), 'https://example.com/s.json');
  assert.equal(schemaKeyUri('schemas/k8s.json', { folders }), 'file:///home/me/infra/schemas/k8s.json');
  assert.equal(schemaKeyUri('infra/schemas/k8s.json', { folders }), 'file:///home/me/infra/schemas/k8s.json');
});

test('only the schemas whose globs take the file are handed on; !globs exclude', () => {
  const file = '/home/me/infra/deploy/web.yaml';
  // A stand-in for the editor's glob matching, enough for these patterns.
  const matches = (glob: string) =>
    new RegExp(
      `(^|/)${glob
        .replace(/^\*\*\//, '')
        .replace(/\./g, '\\.')
        .replace(/\*/g, '[^/]*')}$`,
    ).test(file);
  const schemas = {
    kubernetes: ['*.yaml', '!other/*.yaml'],
    '/schemas/deploy.json': '/deploy/*.yaml',
    '/schemas/compose.json': 'docker-compose.yml',
    '/schemas/excluded.json': ['*.yaml', '!deploy/*.yaml'],
  };
  assert.deepEqual(mappedSchemas(schemas, matches, { folders: [] }), [
    schemaKeyUri('kubernetes', { folders: [] }),
    'file:///schemas/deploy.json',
  ]);
  assert.deepEqual(mappedSchemas(undefined, matches, { folders: [] }), []);
});

test('a contributed schema URI carries its delegates; other URIs get no content', () => {
  const uri = contributedSchemaUri([KUBERNETES_SCHEMA]);
  assert.match(uri, /^eksnetworking:\/\/schema\/[\w-]+\/eks-networking\.json$/);
  const schema = JSON.parse(contributedSchemaContent(uri) ?? 'null') as { else: unknown };
  assert.deepEqual(schema.else, { allOf: [{ $ref: KUBERNETES_SCHEMA }] });
  assert.equal(contributedSchemaContent('kubernetes://schema/v1@service'), undefined);
  assert.equal(contributedSchemaContent('eksnetworking://schema/!!/eks-networking.json'), undefined);
  assert.equal(
    contributedSchemaContent(
      `eksnetworking://schema/${Buffer.from('{"a":1}').toString('base64url')}/eks-networking.json`,
    ),
    undefined,
  );
});

let alone: YamlLanguageServer;
let beside: YamlLanguageServer;
before(async () => {
  alone = new YamlLanguageServer(YAML_SETTINGS);
  beside = new YamlLanguageServer(YAML_SETTINGS, {
    request: (resource) =>
      resource === URI && claimsText(MIXED)
        ? [
            contributedSchemaUri(
              mappedSchemas(YAML_SETTINGS.schemas, (glob) => glob === '**/*.yaml', { folders: [] }),
            ),
          ]
        : [],
    content: (uri) => contributedSchemaContent(uri),
  });
  await Promise.all([alone.start(), beside.start()]);
});
after(async () => {
  await Promise.all([alone?.stop(), beside?.stop()]);
});

test('without us, yaml-language-server reports, hovers and completes our NetworkPolicy too', async () => {
  const messages = (await alone.open(URI, MIXED)).map((d) => `${d.range.start.line}:${d.message}`);
  assert.ok(
    messages.includes(`${lineOf('podSelecter')}:Property podSelecter is not allowed.`),
    messages.join('\n'),
  );
  assert.match(await alone.hover(URI, lineOf('kind: NetworkPolicy'), 1), /Kubernetes stand-in: Kind/);
  const endPortLine = lineOf('port: 8080');
  assert.ok((await alone.completionLabels(URI, endPortLine, 10)).includes('endPort'));
});

test('with our schema, it leaves the NetworkPolicy to us and still checks, hovers and completes the Service', async () => {
  const diagnostics = await beside.open(URI, MIXED);
  const messages = diagnostics.map((d) => `${d.range.start.line}:${d.message}`);
  assert.deepEqual(messages, [`${lineOf('selecter')}:Property selecter is not allowed.`]);
  // Hover and completion inside the NetworkPolicy: nothing from yaml-language-server.
  assert.equal((await beside.hover(URI, lineOf('kind: NetworkPolicy'), 1)).trim(), '');
  assert.deepEqual(await beside.completionLabels(URI, lineOf('port: 8080'), 10), []);
  // Inside the Service they still work.
  assert.match(await beside.hover(URI, lineOf('kind: Service'), 1), /Kubernetes stand-in: Kind/);
  assert.ok((await beside.completionLabels(URI, lineOf('targetPort'), 6)).includes('protocol'));
  // The schema is named plainly above each document, not by its encoded URI.
  assert.deepEqual(await beside.codeLensTitles(URI), [
    'EKS Networking (eks-networking.json)',
    'EKS Networking (eks-networking.json)',
  ]);
});
