// Reads the eksNetworking.* settings into ClusterSettings, honouring Workspace Trust for path settings.

import * as vscode from 'vscode';
import { DEFAULT_TIMEOUT_SECONDS, VSCODE_HINTS, type ClusterSettings } from '../../cluster';
import { effectiveSetting, PATH_SETTINGS } from './trust';

function read<T>(name: string): T | undefined {
  const configuration = vscode.workspace.getConfiguration('eksNetworking');
  const isPath = (PATH_SETTINGS as readonly string[]).includes(name);
  return effectiveSetting(configuration.inspect<T>(name), vscode.workspace.isTrusted, isPath);
}

function text(name: string): string | undefined {
  const value = read<string>(name);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function readClusterSettings(): ClusterSettings {
  const timeout = read<number>('timeoutSeconds');
  return {
    kubectlPath: expandHome(text('kubectlPath') ?? 'kubectl'),
    kubeconfig: text('kubeconfig') ? expandHome(text('kubeconfig')!) : undefined,
    context: text('context'),
    awsPath: expandHome(text('awsPath') ?? 'aws'),
    awsProfile: text('awsProfile'),
    awsRegion: text('awsRegion'),
    clusterName: text('clusterName'),
    timeoutSeconds: typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_TIMEOUT_SECONDS,
    hints: VSCODE_HINTS,
  };
}

function expandHome(path: string): string {
  const home = process.env.HOME ?? process.env.USERPROFILE;
  return home && (path === '~' || path.startsWith('~/')) ? `${home}${path.slice(1)}` : path;
}
