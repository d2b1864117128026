// The cluster a command acts on, resolved once from the settings (kubeconfig files, context name,
// its cluster entry and API server URL). Every kubectl call after that names this context and these
// files explicitly, so switching the current context or the settings in the meantime changes nothing.

import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';

export interface ClusterTarget {
  /** The kubeconfig files kubectl reads, in its order (the setting, else KUBECONFIG, else ~/.kube/config). */
  readonly kubeconfig: readonly string[];
  readonly context: string;
  /** The context's cluster entry (for EKS usually the cluster ARN). */
  readonly cluster: string;
  /** The API server URL of that cluster entry when the target was resolved. */
  readonly server: string;
  readonly user: string;
}

/** The kubeconfig files kubectl would read with these settings (kubectl's own precedence). */
export function kubeconfigFiles(kubeconfigSetting: string | undefined, env: NodeJS.ProcessEnv): string[] {
  if (kubeconfigSetting) return [kubeconfigSetting];
  if (env.KUBECONFIG) return env.KUBECONFIG.split(delimiter).filter((file) => file && existsSync(file));
  const home = env.HOME ?? homedir();
  const file = join(home, '.kube', 'config');
  return existsSync(file) ? [file] : [];
}

/**
 * How kubectl is told which files to read: one file as `--kubeconfig=FILE`; several (a KUBECONFIG
 * list, merged by kubectl) through KUBECONFIG in the child's environment, since the flag takes one.
 */
export function kubeconfigSelection(files: readonly string[]): {
  args: string[];
  env?: Record<string, string>;
} {
  if (files.length === 1) return { args: [`--kubeconfig=${files[0]}`] };
  if (files.length > 1) return { args: [], env: { KUBECONFIG: files.join(delimiter) } };
  return { args: [] };
}

/** What `kubectl config view --minify -o json` prints, as far as the target needs it. */
export interface MinifiedView {
  contexts?: Array<{ name?: string; context?: { cluster?: string; user?: string } }>;
  clusters?: Array<{ name?: string; cluster?: { server?: string } }>;
}

/** The target in a minified view; undefined when the view has no context. */
export function targetFromView(view: MinifiedView, files: readonly string[]): ClusterTarget | undefined {
  const context = view.contexts?.[0];
  if (!context?.name) return undefined;
  const clusterName = context.context?.cluster ?? '';
  const cluster = view.clusters?.find((entry) => entry.name === clusterName);
  return {
    kubeconfig: [...files],
    context: context.name,
    cluster: clusterName,
    server: cluster?.cluster?.server ?? '',
    user: context.context?.user ?? '',
  };
}

/**
 * The current context as kubectl would pick it from these files (the first that sets one), read
 * from the files themselves: nothing is run. For display only; commands resolve with kubectl.
 */
export function currentContextIn(files: readonly string[]): string | undefined {
  for (const file of files) {
    try {
      const config = parse(readFileSync(file, 'utf8')) as { 'current-context'?: unknown } | null;
      const name = config?.['current-context'];
      if (typeof name === 'string' && name) return name;
    } catch {
      // unreadable or not YAML: kubectl would complain when a command runs
    }
  }
  return undefined;
}
