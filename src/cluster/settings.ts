// The settings every cluster action reads, whether it runs from VS Code or from the CLI.

export interface ClusterSettings {
  /** kubectl executable: a name looked up on PATH or an absolute path. */
  kubectlPath: string;
  /** kubeconfig file; empty means kubectl's own default (KUBECONFIG or ~/.kube/config). */
  kubeconfig?: string;
  /** kubeconfig context; empty means the current context. */
  context?: string;
  awsPath: string;
  awsProfile?: string;
  awsRegion?: string;
  /** EKS cluster name for the EC2 queries; empty means take it from the context's cluster ARN. */
  clusterName?: string;
  /** Whole-command limit in seconds; kubectl retries discovery, so its own timeout is not enough. */
  timeoutSeconds: number;
  /** Environment for the child processes (defaults to this process's environment). */
  env?: NodeJS.ProcessEnv;
  /** How to tell the user where each setting is changed: VS Code setting names or CLI options. */
  hints: SettingHints;
}

export interface SettingHints {
  kubectlPath: string;
  kubeconfig: string;
  context: string;
  awsPath: string;
  awsProfile: string;
  awsRegion: string;
  clusterName: string;
  timeoutSeconds: string;
}

export const VSCODE_HINTS: SettingHints = {
  kubectlPath: 'the eksNetworking.kubectlPath setting',
  kubeconfig: 'the eksNetworking.kubeconfig setting',
  context: 'the eksNetworking.context setting',
  awsPath: 'the eksNetworking.awsPath setting',
  awsProfile: 'the eksNetworking.awsProfile setting',
  awsRegion: 'the eksNetworking.awsRegion setting',
  clusterName: 'the eksNetworking.clusterName setting',
  timeoutSeconds: 'the eksNetworking.timeoutSeconds setting',
};

export const CLI_HINTS: SettingHints = {
  kubectlPath: '--kubectl PATH (or EKSNET_KUBECTL)',
  kubeconfig: '--kubeconfig PATH',
  context: '--context NAME',
  awsPath: '--aws PATH (or EKSNET_AWS)',
  awsProfile: '--profile NAME (or AWS_PROFILE)',
  awsRegion: '--region NAME (or AWS_REGION)',
  clusterName: '--cluster NAME',
  timeoutSeconds: '--timeout SECONDS',
};

export const DEFAULT_TIMEOUT_SECONDS = 30;

export function defaultSettings(overrides: Partial<ClusterSettings> = {}): ClusterSettings {
  return {
    kubectlPath: 'kubectl',
    awsPath: 'aws',
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    hints: VSCODE_HINTS,
    ...overrides,
  };
}
