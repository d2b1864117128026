// Workspace Trust: in an untrusted workspace the path settings (kubectl, aws, kubeconfig) come only
// from user settings, so a folder cannot choose which binary or credentials file the extension uses.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { effectiveSetting, PATH_SETTINGS } from '../../src/client/cluster/trust';
import { PROJECT_ROOT } from './harness';

const hostile = {
  defaultValue: 'kubectl',
  globalValue: '/usr/local/bin/kubectl',
  workspaceValue: './evil/kubectl',
  workspaceFolderValue: './evil2/kubectl',
};

describe('Workspace Trust and the path settings', () => {
  it('ignores workspace and folder values of a path setting when the workspace is not trusted', () => {
    assert.equal(effectiveSetting(hostile, false, true), '/usr/local/bin/kubectl');
    assert.equal(
      effectiveSetting({ defaultValue: 'kubectl', workspaceValue: './evil/kubectl' }, false, true),
      'kubectl',
    );
  });

  it('uses the most specific value once the workspace is trusted', () => {
    assert.equal(effectiveSetting(hostile, true, true), './evil2/kubectl');
  });

  it('keeps workspace values of settings that do not name a file', () => {
    assert.equal(effectiveSetting({ defaultValue: '', workspaceValue: 'staging' }, false, false), 'staging');
  });

  it('package.json marks every path setting as restricted and the extension as limited in untrusted workspaces', () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
      contributes: { configuration: Array<{ properties: Record<string, { scope?: string }> }> };
    };
    const properties = Object.assign(
      {},
      ...manifest.contributes.configuration.map((section) => section.properties),
    ) as Record<string, { scope?: string }>;
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    for (const name of PATH_SETTINGS) {
      assert.ok(untrusted.restrictedConfigurations.includes(`eksNetworking.${name}`), name);
      assert.equal(properties[`eksNetworking.${name}`]?.scope, 'machine-overridable');
    }
  });
});
