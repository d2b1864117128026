// A kubeconfig user that authenticates through an exec credential plugin, carrying the secrets kubectl
// does not redact in `kubectl config view`: values in the plugin's env and arguments. The plugin is a
// shell script that prints the test API server's token and chatters about its secrets on stderr
// (kubectl passes a plugin's stderr through), as a debugging plugin would.

import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from './merge';

export const EXEC_SECRETS = {
  execArg: 'exec-arg-client-secret-5150',
  execArgEquals: 'exec-arg-password-8086',
  execEnvSecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzEXAMPLE',
  execEnvSession: 'IQoJb3JpZ2luX2VjEXAMPLEsessionTOKEN0123',
  execEnvKeyId: 'ASIAQWERTYUIOPASDFGH',
};

export function execCredentialUser(directory: string, token: string): JsonObject {
  const plugin = join(directory, 'credential-plugin');
  writeFileSync(
    plugin,
    [
      '#!/bin/sh',
      'echo "plugin debug: args=$* AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY session $AWS_SESSION_TOKEN key $AWS_ACCESS_KEY_ID" >&2',
      `printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"%s"}}\\n' '${token}'`,
      '',
    ].join('\n'),
  );
  chmodSync(plugin, 0o755);
  return {
    exec: {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: plugin,
      args: [
        'eks',
        'get-token',
        '--cluster-name',
        'demo-cluster',
        '--client-secret',
        EXEC_SECRETS.execArg,
        `--password=${EXEC_SECRETS.execArgEquals}`,
      ],
      env: [
        { name: 'AWS_SECRET_ACCESS_KEY', value: EXEC_SECRETS.execEnvSecret },
        { name: 'AWS_SESSION_TOKEN', value: EXEC_SECRETS.execEnvSession },
        { name: 'AWS_ACCESS_KEY_ID', value: EXEC_SECRETS.execEnvKeyId },
      ],
      interactiveMode: 'Never',
    },
  };
}
