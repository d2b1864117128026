// The .vsix, built exactly as a release builds it (`npm run package`, in a private copy of the project),
// holds exactly what a user needs; the manifest points at files that are in it; and its README, the
// extension page, carries its pictures inside and no link that the page cannot follow.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/paths';
import { WALKTHROUGH_EXAMPLES } from '../../src/shared/commands';
import { listVsix, packageExtension } from '../../scripts/vscode/vsix';

const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^SECURITY\.md$/,
  // Not dist/cli.js: the extension never runs it (the CLI is the npm package's `eksnet`).
  /^dist\/(extension|extensionMain|clusterCommands|server|serverMain|validationWorker)\.js$/,
  /^dist\/connectivityView\.(js|css)$/,
  /^schemas\/[\w.-]+\.json$/,
  /^snippets\/[\w.-]+\.json$/,
  /^docs\/images\/[\w.-]+\.png$/,
  /^images\/icon\.png$/,
  /^examples\/[\w/.-]+\.yaml$/,
];

let vsix = '';
before(() => {
  vsix = packageExtension(join(PROJECT_ROOT, 'test-results', 'package'));
});

/** The extension's files as a user gets them (paths inside `extension/`, as in the repository). */
function packagedFiles(): string[] {
  return listVsix(vsix)
    .filter((entry) => entry.startsWith('extension/'))
    .map((entry) => entry.slice('extension/'.length))
    .map((entry) => (entry === 'readme.md' ? 'README.md' : entry === 'changelog.md' ? 'CHANGELOG.md' : entry))
    .map((entry) => (entry === 'LICENSE.txt' ? 'LICENSE' : entry));
}

function packagedReadme(): string {
  return execFileSync('unzip', ['-p', vsix, 'extension/readme.md'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
}

test('the .vsix lists only dist bundles, schemas, snippets and the documents', () => {
  const files = packagedFiles();
  const unexpected = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
  assert.deepEqual(unexpected, []);
  for (const required of [
    'dist/extension.js',
    // The client's bundle, which dist/extension.js runs with V8's code cache.
    'dist/extensionMain.js',
    'dist/server.js',
    // The server's bundle, which dist/server.js runs with V8's code cache.
    'dist/serverMain.js',
    // The server's (and the CLI's) validation worker threads start from this file.
    'dist/validationWorker.js',
    // The cluster commands' code, loaded by the extension on first use.
    'dist/clusterCommands.js',
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

test('every file the manifest refers to is packaged: bundles, snippets, icon, walkthrough media and examples', () => {
  const files = new Set(packagedFiles());
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    main: string;
    icon?: string;
    contributes?: {
      snippets?: Array<{ path: string }>;
      walkthroughs?: Array<{ steps: Array<{ media: { image?: string; markdown?: string } }> }>;
    };
  };
  const media = (manifest.contributes?.walkthroughs ?? []).flatMap((walkthrough) =>
    walkthrough.steps.flatMap((step) => [step.media.image, step.media.markdown]),
  );
  const referenced = [
    manifest.main,
    manifest.icon,
    ...(manifest.contributes?.snippets ?? []).map((snippet) => snippet.path),
    ...media,
    ...Object.values(WALKTHROUGH_EXAMPLES).map((name) => `examples/${name}`),
  ].filter((path): path is string => typeof path === 'string');
  assert.ok(media.length > 0, 'the walkthrough has media');
  for (const path of referenced) assert.ok(files.has(path.replace(/^\.\//, '')), `${path} is in the .vsix`);
  // The README's pictures travel inside the README: a picture file is packaged only for the manifest.
  const pictures = [...files].filter((file) => file.startsWith('docs/images/'));
  const wanted = new Set(referenced.map((path) => path.replace(/^\.\//, '')));
  assert.deepEqual(
    pictures.filter((file) => !wanted.has(file)),
    [],
    'pictures that nothing in the manifest shows',
  );
});

test('the icon is a 128×128 PNG', () => {
  const png = readFileSync(join(PROJECT_ROOT, 'images', 'icon.png'));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});

test('the packaged README embeds every picture as a PNG data URL and links only to absolute URLs', () => {
  const readme = packagedReadme();
  const source = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const sourcePictures = [...source.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.equal(pictures.length, sourcePictures.length, 'one picture for each in README.md');
  pictures.forEach((picture, index) => {
    const expected = readFileSync(join(PROJECT_ROOT, sourcePictures[index])).toString('base64');
    assert.equal(picture, `data:image/png;base64,${expected}`, `picture ${sourcePictures[index]}`);
  });
  const links = [...readme.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  const relative = links.filter((link) => !/^(https?:|mailto:|#)/.test(link));
  assert.deepEqual(relative, [], 'links the extension page cannot follow');
});
