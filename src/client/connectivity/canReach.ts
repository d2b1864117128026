// "Can A reach B?" as quick picks: the source (a workload, or an IP address outside the cluster),
// the destination, the protocol and the port (the destination's container ports first). Escape at
// any step cancels the question.

import * as vscode from 'vscode';
import type { ConnectivityResult, ConnectivityWorkload } from '../../shared/protocol';

export interface Question {
  src: string;
  dst: string;
  protocol: string;
  port: number;
}

interface PeerItem extends vscode.QuickPickItem {
  id?: string;
  address?: true;
}

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

export async function askQuestion(
  result: ConnectivityResult,
  preset: Partial<Question>,
): Promise<Question | undefined> {
  if (result.workloads.length === 0) {
    void vscode.window.showInformationMessage(
      'EKS Networking: no workloads (Deployments, StatefulSets, Pods…) in the workspace to ask about.',
    );
    return undefined;
  }
  const src = preset.src ?? (await pickPeer(result, 'Can this reach…', undefined));
  if (!src) return undefined;
  const dst = preset.dst ?? (await pickPeer(result, `Can ${src} reach…`, src));
  if (!dst) return undefined;
  const protocol =
    preset.protocol ??
    (await vscode.window.showQuickPick(PROTOCOLS, {
      title: `Can ${src} reach ${dst}?`,
      placeHolder: 'Protocol',
    }));
  if (!protocol) return undefined;
  const port =
    preset.port ??
    (await pickPort(
      result.workloads.find((w) => w.id === dst),
      protocol,
      src,
      dst,
    ));
  if (port === undefined) return undefined;
  return { src, dst, protocol, port };
}

async function pickPeer(
  result: ConnectivityResult,
  title: string,
  exclude: string | undefined,
): Promise<string | undefined> {
  const items: PeerItem[] = result.workloads
    .filter((workload) => workload.id !== exclude)
    .map((workload) => ({
      label: `${workload.namespace}/${workload.name}`,
      description: workload.kind,
      detail: Object.entries(workload.labels)
        .map(([key, value]) => `${key}=${value}`)
        .join(', '),
      id: workload.id,
    }));
  items.push({
    label: '$(globe) An IP address outside the cluster…',
    description: 'e.g. 203.0.113.7',
    address: true,
  });
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: 'A workload of the workspace, or an IP address',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  if (picked.id) return picked.id;
  return vscode.window.showInputBox({
    title,
    prompt: 'An IPv4 or IPv6 address outside the cluster',
    validateInput: (value) =>
      /^[0-9.]+$|^[0-9a-f:]+$/i.test(value.trim()) ? undefined : 'Type an address such as 203.0.113.7',
  });
}

async function pickPort(
  destination: ConnectivityWorkload | undefined,
  protocol: string,
  src: string,
  dst: string,
): Promise<number | undefined> {
  const title = `Can ${src} reach ${dst} on ${protocol}…`;
  const ports = (destination?.ports ?? []).filter((port) => port.protocol === protocol);
  if (ports.length > 0) {
    const items: (vscode.QuickPickItem & { port?: number })[] = ports.map((port) => ({
      label: String(port.port),
      description: port.name ? `container port "${port.name}"` : 'container port',
      port: port.port,
    }));
    items.push({ label: 'Another port…' });
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Port' });
    if (!picked) return undefined;
    if (picked.port !== undefined) return picked.port;
  }
  const typed = await vscode.window.showInputBox({
    title,
    prompt: 'Port (1–65535)',
    validateInput: (value) => (validPort(value) ? undefined : 'A port is a number from 1 to 65535'),
  });
  return typed === undefined ? undefined : Number(typed.trim());
}

function validPort(value: string): boolean {
  const port = Number(value.trim());
  return /^\d+$/.test(value.trim()) && port >= 1 && port <= 65535;
}
