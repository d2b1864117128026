// kubectl as the cluster actions use it. `Kubectl` only resolves the target (context, kubeconfig
// files, cluster, server URL); every other call goes through `TargetedKubectl`, which exists only for
// a resolved target and puts its `--kubeconfig`/`--context` on every command. argv arrays only, `--`
// before positional arguments, and failures turned into one specific, actionable sentence.

import { existsSync } from 'node:fs';
import { ClusterError } from './errors';
import { explainKubectl, noContextError } from './kubectlErrors';
import { quoteCommand, runProcess, SILENT_LOG, type ClusterLog, type RunResult } from './process';
import { Redactor } from './redact';
import type { ClusterSettings } from './settings';
import {
  kubeconfigFiles,
  kubeconfigSelection,
  targetFromView,
  type ClusterTarget,
  type MinifiedView,
} from './target';
import { checkPrintable, printable } from './validate';

export interface KubectlCall {
  stdin?: string;
  signal?: AbortSignal;
  /** Exit codes that are answers, not failures (kubectl diff exits 1 when there are differences). */
  okExitCodes?: number[];
}

/** Shared by both classes: runs kubectl with the given leading flags. */
class KubectlRunner {
  constructor(
    readonly settings: ClusterSettings,
    readonly log: ClusterLog,
    readonly redactor: Redactor,
  ) {}

  /** Per-request limit; the overall limit (settings.timeoutSeconds) covers kubectl's discovery retries. */
  requestTimeoutArg(): string {
    return `--request-timeout=${Math.max(1, Math.ceil(this.settings.timeoutSeconds / 2))}s`;
  }

  async exec(
    leading: { args: string[]; env?: Record<string, string> },
    args: string[],
    call: KubectlCall & { stdoutNotLogged?: string },
  ): Promise<RunResult> {
    const base = this.settings.env ?? process.env;
    return runProcess({
      executable: this.settings.kubectlPath,
      args: [...leading.args, ...args],
      stdin: call.stdin,
      timeoutMs: this.settings.timeoutSeconds * 1000,
      signal: call.signal,
      env: leading.env ? { ...base, ...leading.env } : this.settings.env,
      log: this.log,
      redactor: this.redactor,
      toolName: 'kubectl',
      pathHint: this.settings.hints.kubectlPath,
      stdoutNotLogged: call.stdoutNotLogged,
    });
  }
}

export class Kubectl {
  readonly redactor: Redactor;
  private readonly runner: KubectlRunner;

  constructor(
    readonly settings: ClusterSettings,
    readonly log: ClusterLog = SILENT_LOG,
    redactor?: Redactor,
  ) {
    this.redactor = redactor ?? Redactor.forSettings(settings);
    this.runner = new KubectlRunner(settings, log, this.redactor);
  }

  /** The context the settings select (the current one when none is set), with its cluster and server. */
  resolveTarget(signal?: AbortSignal): Promise<ClusterTarget> {
    const files = kubeconfigFiles(this.settings.kubeconfig, this.settings.env ?? process.env);
    return this.readTarget(files, this.settings.context, signal);
  }

  /**
   * Re-reads the target's context just before a change: refuses when it now points at another API
   * server (someone re-pointed it, or replaced the kubeconfig), so the change cannot land elsewhere.
   */
  async confirmTarget(target: ClusterTarget, signal?: AbortSignal): Promise<void> {
    const now = await this.readTarget(target.kubeconfig, target.context, signal);
    if (now.server !== target.server) {
      throw new ClusterError(
        'target-changed',
        `The kubeconfig changed since the plan was made: context "${printable(target.context)}" now points at ${printable(now.server || '(no server)')}, not ${printable(target.server)} as when the plan was made; nothing was changed — check the kubeconfig and run the command again.`,
      );
    }
  }

  /** The context names in the kubeconfig files (`kubectl config get-contexts -o name`); runs nothing remote. */
  async listContexts(signal?: AbortSignal): Promise<string[]> {
    const files = kubeconfigFiles(this.settings.kubeconfig, this.settings.env ?? process.env);
    for (const file of files) checkPrintable(file, 'kubeconfig path', this.settings.hints.kubeconfig);
    const result = await this.runner.exec(
      kubeconfigSelection(files),
      ['config', 'get-contexts', '--output=name'],
      {
        signal,
      },
    );
    if (result.exitCode !== 0)
      throw explainKubectl(this.redactor.redact(result.stderr), result.exitCode, { settings: this.settings });
    return result.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  }

  /** The only way to run kubectl against a cluster: for one resolved target. */
  at(target: ClusterTarget): TargetedKubectl {
    return new TargetedKubectl(this.runner, target);
  }

  private async readTarget(
    files: readonly string[],
    context: string | undefined,
    signal?: AbortSignal,
  ): Promise<ClusterTarget> {
    const hints = this.settings.hints;
    for (const file of files) checkPrintable(file, 'kubeconfig path', hints.kubeconfig);
    const selection = kubeconfigSelection(files);
    const leading = {
      args: [
        ...selection.args,
        ...(context ? [`--context=${checkPrintable(context, 'context name', hints.context)}`] : []),
      ],
      env: selection.env,
    };
    // The view can hold credentials kubectl does not redact (exec env and args, proxy passwords):
    // it is never logged; only the four fields below are.
    const result = await this.runner.exec(leading, ['config', 'view', '--minify', '--output=json'], {
      signal,
      stdoutNotLogged: '(kubeconfig view not logged: it can hold credentials)',
    });
    const missing = files.find((file) => !existsSync(file));
    if (result.exitCode !== 0 && missing !== undefined) {
      throw new ClusterError(
        'no-context',
        `The kubeconfig file "${printable(missing)}" does not exist; fix ${this.settings.hints.kubeconfig} or leave it empty to use kubectl's default.`,
      );
    }
    if (result.exitCode !== 0)
      throw explainKubectl(this.redactor.redact(result.stderr), result.exitCode, {
        settings: this.settings,
        context,
      });
    let view: MinifiedView;
    try {
      view = JSON.parse(result.stdout) as MinifiedView;
    } catch {
      throw new ClusterError('command-failed', 'kubectl config view returned output that is not JSON.');
    }
    const target = targetFromView(view, files);
    if (!target) throw noContextError(this.settings);
    this.log.info(
      this.redactor.redact(
        `Target: context "${target.context}", cluster "${target.cluster}", server ${target.server || '(none)'}, user "${target.user}"`,
      ),
    );
    return target;
  }
}

export class TargetedKubectl {
  constructor(
    private readonly runner: KubectlRunner,
    readonly target: ClusterTarget,
  ) {}

  get settings(): ClusterSettings {
    return this.runner.settings;
  }

  get redactor(): Redactor {
    return this.runner.redactor;
  }

  /** `--kubeconfig=…` (or KUBECONFIG for several files) and `--context=…`, on every call. */
  private leading(): { args: string[]; env?: Record<string, string> } {
    const hints = this.settings.hints;
    for (const file of this.target.kubeconfig) checkPrintable(file, 'kubeconfig path', hints.kubeconfig);
    const selection = kubeconfigSelection(this.target.kubeconfig);
    return {
      args: [
        ...selection.args,
        `--context=${checkPrintable(this.target.context, 'context name', hints.context)}`,
      ],
      env: selection.env,
    };
  }

  /** The command as a person would type it, with the target's flags (for plans and fix commands). */
  commandArgv(args: string[]): string[] {
    const leading = this.leading();
    const prefix = leading.env ? [`KUBECONFIG=${leading.env.KUBECONFIG}`] : [];
    return [...prefix, 'kubectl', ...leading.args, ...args];
  }

  commandLine(args: string[]): string {
    return quoteCommand(this.commandArgv(args));
  }

  async run(
    args: string[],
    call: KubectlCall = {},
    options: { requestTimeout?: boolean } = {},
  ): Promise<RunResult> {
    const withTimeout = options.requestTimeout === false ? args : [this.runner.requestTimeoutArg(), ...args];
    const result = await this.runner.exec(this.leading(), withTimeout, call);
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

  /** Turns kubectl's stderr into one specific sentence. */
  explain(result: RunResult): ClusterError {
    return explainKubectl(this.redactor.redact(result.stderr), result.exitCode, {
      settings: this.settings,
      context: this.target.context,
      server: this.target.server,
    });
  }
}
