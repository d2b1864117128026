// kubectl as the cluster actions use it: fixed global flags from the settings, argv arrays only,
// `--` before positional arguments, and failures turned into one specific, actionable sentence.

import { existsSync } from 'node:fs';
import { ClusterError } from './errors';
import { runProcess, SILENT_LOG, type ClusterLog, type RunResult } from './process';
import { Redactor } from './redact';
import type { ClusterSettings } from './settings';
import { checkPrintable, printable } from './validate';

export interface KubectlCall {
  stdin?: string;
  signal?: AbortSignal;
  /** Exit codes that are answers, not failures (kubectl diff exits 1 when there are differences). */
  okExitCodes?: number[];
}

export interface ContextInfo {
  context: string;
  cluster: string;
  server: string;
  user: string;
}

export class Kubectl {
  readonly redactor: Redactor;

  constructor(
    readonly settings: ClusterSettings,
    readonly log: ClusterLog = SILENT_LOG,
    redactor?: Redactor,
  ) {
    this.redactor = redactor ?? new Redactor();
    if (!redactor) this.redactor.addKubeconfigSecrets(settings.kubeconfig, settings.env ?? process.env);
  }

  /** Flags every call carries; each flag and its value travel as one argv entry. */
  globalArgs(): string[] {
    const { settings } = this;
    const args: string[] = [];
    if (settings.kubeconfig)
      args.push(
        `--kubeconfig=${checkPrintable(settings.kubeconfig, 'kubeconfig path', settings.hints.kubeconfig)}`,
      );
    if (settings.context)
      args.push(`--context=${checkPrintable(settings.context, 'context name', settings.hints.context)}`);
    return args;
  }

  /** Per-request limit; the overall limit (settings.timeoutSeconds) covers kubectl's discovery retries. */
  requestTimeoutArg(): string {
    return `--request-timeout=${Math.max(1, Math.ceil(this.settings.timeoutSeconds / 2))}s`;
  }

  /** The full argv for a kubectl subcommand (for display in plans and for running). */
  argv(args: string[], options: { requestTimeout?: boolean } = {}): string[] {
    return [
      ...this.globalArgs(),
      ...(options.requestTimeout === false ? [] : [this.requestTimeoutArg()]),
      ...args,
    ];
  }

  async run(
    args: string[],
    call: KubectlCall = {},
    options: { requestTimeout?: boolean } = {},
  ): Promise<RunResult> {
    const result = await runProcess({
      executable: this.settings.kubectlPath,
      args: this.argv(args, options),
      stdin: call.stdin,
      timeoutMs: this.settings.timeoutSeconds * 1000,
      signal: call.signal,
      env: this.settings.env,
      log: this.log,
      redactor: this.redactor,
      toolName: 'kubectl',
      pathHint: this.settings.hints.kubectlPath,
    });
    if (result.exitCode === 0 || call.okExitCodes?.includes(result.exitCode)) return result;
    throw this.explain(result);
  }

  async getJson<T>(args: string[], call: KubectlCall = {}): Promise<T> {
    // Output flags go before `--`, which ends the options.
    const dash = args.indexOf('--');
    const withOutput =
      dash < 0 ? [...args, '-o', 'json'] : [...args.slice(0, dash), '-o', 'json', ...args.slice(dash)];
    const result = await this.run(withOutput, call);
    try {
      return JSON.parse(result.stdout) as T;
    } catch {
      throw new ClusterError(
        'command-failed',
        `kubectl ${args[0]} returned output that is not JSON; see the EKS Networking log.`,
      );
    }
  }

  /** The context the commands will use, with its cluster and server (no credentials). */
  async contextInfo(signal?: AbortSignal): Promise<ContextInfo> {
    const view = await this.getJson<{
      'current-context'?: string;
      contexts?: Array<{ name: string; context?: { cluster?: string; user?: string } }>;
      clusters?: Array<{ name: string; cluster?: { server?: string } }>;
    }>(['config', 'view', '--minify'], { signal });
    const context = view.contexts?.[0];
    if (!context) throw this.noContext();
    const cluster = view.clusters?.find((c) => c.name === context.context?.cluster);
    return {
      context: context.name,
      cluster: context.context?.cluster ?? '',
      server: cluster?.cluster?.server ?? '',
      user: context.context?.user ?? '',
    };
  }

  private contextLabel(): string {
    return this.settings.context ? `context "${printable(this.settings.context)}"` : 'the current context';
  }

  private noContext(): ClusterError {
    if (this.settings.kubeconfig && !existsSync(this.settings.kubeconfig)) {
      return new ClusterError(
        'no-context',
        `The kubeconfig file "${printable(this.settings.kubeconfig)}" does not exist; fix ${this.settings.hints.kubeconfig} or leave it empty to use kubectl's default.`,
      );
    }
    const where = this.settings.kubeconfig
      ? `kubeconfig "${printable(this.settings.kubeconfig)}"`
      : 'the kubeconfig';
    return new ClusterError(
      'no-context',
      `No Kubernetes context is selected in ${where}; run "kubectl config use-context NAME" or set ${this.settings.hints.context}.`,
    );
  }

  /** Turns kubectl's stderr into one specific sentence. */
  explain(result: RunResult): ClusterError {
    const stderr = this.redactor.redact(result.stderr);
    const hints = this.settings.hints;
    if (/current-context (is not set|must exist)/.test(stderr) || /localhost:8080 was refused/.test(stderr))
      return this.noContext();
    const missingContext =
      /(?:context was not found for specified context|no context exists with the name|cannot locate context):? "?([^"\n]*)"?/.exec(
        stderr,
      );
    if (missingContext) {
      return new ClusterError(
        'no-context',
        `Context "${printable(this.settings.context ?? missingContext[1])}" is not in the kubeconfig; pick one from "kubectl config get-contexts" and set ${hints.context}.`,
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
        const scope = namespace ? ` in namespace ${namespace}` : '';
        return new ClusterError(
          'forbidden',
          `Forbidden: user "${user}" may not ${verb} ${qualified}${scope} (${this.contextLabel()}); ask a cluster admin for an RBAC rule granting "${verb}" on "${resource}"${group ? ` in API group "${group}"` : ''}.`,
        );
      }
      return new ClusterError(
        'forbidden',
        `Forbidden by the cluster's RBAC (${this.contextLabel()}): ${firstLine(stderr)}`,
      );
    }
    if (/\(Unauthorized\)|must be logged in/.test(stderr)) {
      return new ClusterError(
        'unauthorized',
        `The cluster rejected the credentials of ${this.contextLabel()} (Unauthorized); refresh them (for EKS: "aws eks update-kubeconfig --name CLUSTER") and try again.`,
      );
    }
    if (
      /Client\.Timeout|context deadline exceeded|i\/o timeout|TLS handshake timeout|Timeout exceeded/.test(
        stderr,
      )
    ) {
      return new ClusterError(
        'timeout',
        `The cluster of ${this.contextLabel()} did not answer in time (${firstLine(stderr)}); check the network or raise ${hints.timeoutSeconds}.`,
      );
    }
    if (
      /Unable to connect to the server|connection refused|no such host|i\/o timeout|TLS handshake timeout|dial tcp|Client\.Timeout|context deadline exceeded|certificate signed by unknown authority|net\/http/.test(
        stderr,
      )
    ) {
      const detail = /Unable to connect to the server: (.*)/.exec(stderr)?.[1] ?? firstLine(stderr);
      return new ClusterError(
        'unreachable',
        `Cannot reach the cluster of ${this.contextLabel()} (${detail.trim()}); check the network, VPN or the API server endpoint, then try again.`,
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
      return new ClusterError(
        'not-found',
        firstLine(stderr).replace(/^Error from server \(NotFound\): /, ''),
      );
    return new ClusterError(
      'command-failed',
      `kubectl failed (exit code ${result.exitCode}): ${firstLine(stderr) || 'no error output'}`,
    );
  }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line && !/^E\d{4} /.test(line)) ?? ''
  );
}
