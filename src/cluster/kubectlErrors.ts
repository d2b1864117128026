// kubectl's stderr turned into one specific sentence that says what is wrong and what to do.

import { existsSync } from 'node:fs';
import { ClusterError } from './errors';
import type { ClusterSettings } from './settings';
import { printable } from './validate';

/** What the message can say about where kubectl was pointed. */
export interface KubectlScope {
  settings: ClusterSettings;
  /** The resolved context, once known. */
  context?: string;
  /** Its API server URL, once known. */
  server?: string;
}

export function contextLabel(scope: KubectlScope): string {
  const name = scope.context ?? scope.settings.context;
  return name ? `context "${printable(name)}"` : 'the current context';
}

export function noContextError(settings: ClusterSettings): ClusterError {
  if (settings.kubeconfig && !existsSync(settings.kubeconfig)) {
    return new ClusterError(
      'no-context',
      `The kubeconfig file "${printable(settings.kubeconfig)}" does not exist; fix ${settings.hints.kubeconfig} or leave it empty to use kubectl's default.`,
    );
  }
  const where = settings.kubeconfig ? `kubeconfig "${printable(settings.kubeconfig)}"` : 'the kubeconfig';
  return new ClusterError(
    'no-context',
    `No Kubernetes context is selected in ${where}; run "kubectl config use-context NAME" or set ${settings.hints.context}.`,
  );
}

/** `stderr` must already have secrets removed. */
export function explainKubectl(stderr: string, exitCode: number, scope: KubectlScope): ClusterError {
  const hints = scope.settings.hints;
  const label = contextLabel(scope);
  if (/current-context (is not set|must exist)/.test(stderr)) return noContextError(scope.settings);
  const missingContext =
    /(?:context was not found for specified context|no context exists with the name|cannot locate context):? "?([^"\n]*)"?/.exec(
      stderr,
    );
  if (missingContext) {
    return new ClusterError(
      'no-context',
      `Context "${printable(scope.context ?? scope.settings.context ?? missingContext[1])}" is not in the kubeconfig; pick one from "kubectl config get-contexts" and set ${hints.context}.`,
    );
  }
  const forbidden =
    /User "([^"]*)" cannot (\w+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)")?/.exec(
      stderr,
    );
  if (/\(Forbidden\)|is forbidden/.test(stderr)) {
    if (forbidden) {
      const [, user, verb, resource, group, namespace] = forbidden;
      const qualified = group ? `${resource}.${group}` : resource;
      const where = namespace ? ` in namespace ${namespace}` : '';
      return new ClusterError(
        'forbidden',
        `Forbidden: user "${user}" may not ${verb} ${qualified}${where} (${label}); ask a cluster admin for an RBAC rule granting "${verb}" on "${resource}"${group ? ` in API group "${group}"` : ''}.`,
      );
    }
    return new ClusterError('forbidden', `Forbidden by the cluster's RBAC (${label}): ${firstLine(stderr)}`);
  }
  if (/\(Unauthorized\)|must be logged in/.test(stderr)) {
    return new ClusterError(
      'unauthorized',
      `The cluster rejected the credentials of ${label} (Unauthorized); refresh them (for EKS: "aws eks update-kubeconfig --name CLUSTER") and try again.`,
    );
  }
  // "The connection to the server HOST:PORT was refused": kubectl's words when nothing listens there
  // (with a warm discovery cache it is the only line).
  const refused = /The connection to the server (\S+) was refused/.exec(stderr);
  if (refused) {
    const address = scope.server || refused[1];
    if (!scope.server && refused[1] === 'localhost:8080') return noContextError(scope.settings);
    return new ClusterError(
      'unreachable',
      `Cannot reach the cluster of ${label}: the API server ${address} refused the connection; check the server address in the kubeconfig, the network or VPN, then try again.`,
    );
  }
  if (
    /Client\.Timeout|context deadline exceeded|i\/o timeout|TLS handshake timeout|Timeout exceeded/.test(
      stderr,
    )
  ) {
    return new ClusterError(
      'timeout',
      `The cluster of ${label} did not answer in time (${firstLine(stderr)}); check the network or raise ${hints.timeoutSeconds}.`,
    );
  }
  if (
    /Unable to connect to the server|connection refused|no such host|dial tcp|certificate signed by unknown authority|net\/http|connection reset|EOF$/m.test(
      stderr,
    )
  ) {
    const detail = /Unable to connect to the server: (.*)/.exec(stderr)?.[1] ?? firstLine(stderr);
    const at = scope.server ? ` at ${scope.server}` : '';
    return new ClusterError(
      'unreachable',
      `Cannot reach the cluster of ${label}${at} (${detail.trim()}); check the network, VPN or the API server endpoint, then try again.`,
    );
  }
  const missingType = /the server doesn't have a resource type "([^"]+)"/.exec(stderr);
  if (missingType) {
    return new ClusterError(
      'missing-resource-type',
      `The cluster has no "${missingType[1]}" resource type (its CRD is not installed).`,
    );
  }
  if (/\(NotFound\)/.test(stderr))
    return new ClusterError('not-found', firstLine(stderr).replace(/^Error from server \(NotFound\): /, ''));
  return new ClusterError(
    'command-failed',
    `kubectl failed (exit code ${exitCode}): ${firstLine(stderr) || 'no error output'}`,
  );
}

/** The first line that is not one of klog's "E1201 09:42:52…" lines. */
export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line && !/^E\d{4} /.test(line)) ?? ''
  );
}
