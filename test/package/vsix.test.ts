// The .vsix holds exactly what a user needs, and the manifest points at files that are in it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/paths';

const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^SECURITY\.md$/,
  /^dist\/(extension|server|cli|validationWorker)\.js$/,
  /^dist\/(extension|server|cli)\.js$/,
  /^dist\/connectivityView\.(js|css)$/,
  /^schemas\/[\w.-]+\.json$/,
  /^snippets\/[\w.-]+\.json$/,
  /^docs\/images\/[\w.-]+\.png$/,
];

function packagedFiles(): string[] {
  const vsce = join(PROJECT_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const output = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

test('the .vsix lists only dist bundles, schemas, snippets and the documents', () => {
  const files = packagedFiles();
  const unexpected = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
  assert.deepEqual(unexpected, []);
  for (const required of [
    'dist/extension.js',
    'dist/server.js',
    // The server's (and the CLI's) validation worker threads start from this file.
    'dist/validationWorker.js',
    'dist/connectivityView.js',
    'dist/connectivityView.css',
    'package.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
  ]) {
    assert.ok(files.includes(required), `${required} is packaged`);
  }
  assert.ok(
    files.some((file) => file.startsWith('schemas/')),
    'schemas are packaged',
  );
});

test('every file the manifest refers to is packaged', () => {
  const files = new Set(packagedFiles());
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    main: string;
    contributes?: { snippets?: Array<{ path: string }> };
  };
  const referenced = [
    manifest.main,
    ...(manifest.contributes?.snippets ?? []).map((snippet) => snippet.path),
  ];
  for (const path of referenced) assert.ok(files.has(path.replace(/^\.\//, '')), `${path} is in the .vsix`);
});
