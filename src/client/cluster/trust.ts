// Which value a setting takes, given Workspace Trust. Kept free of the vscode module so it is tested
// directly: in an untrusted workspace the path settings come only from user settings, because a
// workspace must not be able to choose which binary or kubeconfig the extension uses.

export interface InspectedSetting<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/** Settings that name an executable or a credentials file. */
export const PATH_SETTINGS = ['kubectlPath', 'awsPath', 'kubeconfig'] as const;

export function effectiveSetting<T>(
  inspected: InspectedSetting<T> | undefined,
  trusted: boolean,
  isPathSetting: boolean,
): T | undefined {
  if (!inspected) return undefined;
  if (isPathSetting && !trusted) return inspected.globalValue ?? inspected.defaultValue;
  return (
    inspected.workspaceFolderValue ??
    inspected.workspaceValue ??
    inspected.globalValue ??
    inspected.defaultValue
  );
}

export const RESTRICTED_MODE_MESSAGE =
  'EKS Networking cluster commands are off in Restricted Mode because they run kubectl and aws; trust this workspace to use them (editing features keep working).';
