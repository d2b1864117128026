// Packages the Red Hat YAML stand-in (test/vscode-redhat/standIn.ts) as a .vsix that the real VS Code
// tests install beside ours: its manifest (id redhat.vscode-yaml, the `yaml.*` settings it reads)
// and the client bundled with esbuild. The yaml-language-server it starts is this project's
// devDependency; its path goes to the extension host in EKS_YAML_LANGUAGE_SERVER.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './tools';
import { packageStandIn, STAND_IN_MANIFEST } from './vsix';

export const YAML_LANGUAGE_SERVER_ENV = 'EKS_YAML_LANGUAGE_SERVER';

export function yamlLanguageServerModule(): string {
  return join(PROJECT_ROOT, 'node_modules', 'yaml-language-server', 'out', 'server', 'src', 'server.js');
}

const MANIFEST = {
  name: 'vscode-yaml',
  publisher: 'redhat',
  displayName: 'YAML (test stand-in running yaml-language-server)',
  ...STAND_IN_MANIFEST,
  contributes: {
    configuration: {
      title: 'YAML',
      properties: {
        'yaml.schemas': { type: 'object', default: {} },
        'yaml.validate': { type: 'boolean', default: true },
        'yaml.hover': { type: 'boolean', default: true },
        'yaml.completion': { type: 'boolean', default: true },
        'yaml.kubernetesVersion': { type: 'string', default: '' },
        'yaml.schemaStore.enable': { type: 'boolean', default: true },
        'yaml.kubernetesCRDStore.enable': { type: 'boolean', default: true },
      },
    },
  },
};

/** Builds the stand-in in `dir` (emptied first) and returns the path of its .vsix. */
export async function buildRedHatYamlStandIn(dir: string): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(MANIFEST, null, 2));
  writeFileSync(
    join(dir, 'README.md'),
    '# Red Hat YAML stand-in\n\nyaml-language-server for the EKS Networking tests.\n',
  );
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(PROJECT_ROOT, 'test', 'vscode-redhat', 'standIn.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: join(dir, 'extension.js'),
    external: ['vscode'],
    logLevel: 'warning',
  });
  return packageStandIn(dir, 'redhat-yaml-stand-in.vsix', 'the Red Hat YAML stand-in');
}
