// The command ids live in one place (src/shared/commands.ts); package.json must contribute exactly
// those, its menus must name only those, and every cluster command is hidden from the palette in
// Restricted Mode.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLUSTER_COMMAND_IDS, COMMAND_IDS } from '../../src/shared/commands';
import { PROJECT_ROOT } from './harness';

interface Manifest {
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
  };
}

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Manifest;

describe('Command ids', () => {
  it('package.json contributes exactly the commands of src/shared/commands.ts', () => {
    assert.deepEqual(
      manifest.contributes.commands.map((c) => c.command).sort(),
      Object.values(COMMAND_IDS).sort(),
    );
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'EKS Networking');
  });

  it('every menu entry names a contributed command', () => {
    const ids = new Set<string>(Object.values(COMMAND_IDS));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus))
      for (const entry of entries) assert.ok(ids.has(entry.command), `${menu}: ${entry.command}`);
  });

  it('every cluster command is hidden from the palette in Restricted Mode; editing commands are not', () => {
    const palette = new Map(manifest.contributes.menus.commandPalette.map((e) => [e.command, e.when ?? '']));
    for (const id of Object.values(CLUSTER_COMMAND_IDS))
      assert.match(palette.get(id) ?? '', /(^|&& )isWorkspaceTrusted( &&|$)/, id);
    assert.doesNotMatch(palette.get(COMMAND_IDS.explainPolicy) ?? '', /isWorkspaceTrusted/);
  });
});
