// Where the credentials are that kubectl and aws use, read structurally so they can be removed from
// anything we print: every value under a kubeconfig user except a short list of known-safe fields
// (every exec env value, every exec argument that follows a flag), the user and password in every
// cluster URL (server, proxy-url), secret-named environment variables, and the aws CLI's own
// credential files. Values are only collected, never printed.

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { kubeconfigFiles } from './target';

/** Fields of a kubeconfig user that are not credentials (names, paths, public certificates, modes). */
const SAFE_USER_FIELDS = new Set([
  'username',
  'client-certificate',
  'client-certificate-data',
  'client-key',
  'tokenFile',
  'as',
  'as-uid',
  'as-groups',
  'as-user-extra',
  'extensions',
]);

/** Fields of `exec` that are not credentials; `args` and `env` are handled on their own. */
const SAFE_EXEC_FIELDS = new Set([
  'apiVersion',
  'command',
  'installHint',
  'interactiveMode',
  'provideClusterInfo',
]);

/** auth-provider config keys that name things rather than hold secrets. */
const SAFE_AUTH_PROVIDER_KEYS = new Set([
  'client-id',
  'idp-issuer-url',
  'cmd-path',
  'expiry',
  'expiry-key',
  'token-key',
  'scopes',
]);

/** Exec env entries whose values are names (profiles, regions), which would otherwise blank out words. */
const SAFE_EXEC_ENV = new Set([
  'AWS_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_STS_REGIONAL_ENDPOINTS',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'KUBECONFIG',
  'HOME',
  'PATH',
]);

/** Exec argument flags whose values are names, not secrets (aws eks get-token, kubelogin, gke). */
const SAFE_EXEC_FLAGS = new Set([
  '--cluster-name',
  '--cluster-id',
  '--region',
  '--profile',
  '--role-arn',
  '--output',
  '--server-id',
  '--environment',
  '--login',
  '--tenant-id',
  '--client-id',
]);

/** Environment variables that hold credentials by name. */
const SECRET_ENV_NAME = /(?:SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE_KEY|API_KEY|ACCESS_KEY)/i;

type Json = unknown;

/** Every credential value the kubeconfig files, the environment and the aws credential files hold. */
export function collectSecrets(kubeconfigSetting: string | undefined, env: NodeJS.ProcessEnv): string[] {
  const found: string[] = [];
  for (const file of kubeconfigFiles(kubeconfigSetting, env)) {
    const config = readYaml(file) as {
      users?: Array<{ user?: Json }>;
      clusters?: Array<{ cluster?: Record<string, Json> }>;
    } | null;
    for (const entry of config?.users ?? []) userSecrets(entry?.user, found);
    for (const entry of config?.clusters ?? []) {
      for (const key of ['server', 'proxy-url']) {
        const value = entry?.cluster?.[key];
        if (typeof value === 'string') urlSecrets(value, found);
      }
    }
  }
  // Only values that look like credentials: a flag such as SECRET_MODE=enabled must not blank out words.
  for (const [name, value] of Object.entries(env))
    if (
      value &&
      value.length >= 12 &&
      !/\s/.test(value) &&
      SECRET_ENV_NAME.test(name) &&
      !name.endsWith('_FILE')
    )
      found.push(value);
  for (const file of awsCredentialFiles(env)) iniSecrets(file, found);
  return found;
}

function userSecrets(user: Json, found: string[]): void {
  if (!isRecord(user)) return;
  for (const [key, value] of Object.entries(user)) {
    if (SAFE_USER_FIELDS.has(key)) continue;
    if (key === 'exec' && isRecord(value)) execSecrets(value, found);
    else if (key === 'auth-provider' && isRecord(value)) {
      const config = value.config;
      if (isRecord(config))
        for (const [name, item] of Object.entries(config))
          if (!SAFE_AUTH_PROVIDER_KEYS.has(name)) allStrings(item, found);
    } else allStrings(value, found);
  }
}

function execSecrets(exec: Record<string, Json>, found: string[]): void {
  for (const [key, value] of Object.entries(exec)) {
    if (SAFE_EXEC_FIELDS.has(key)) continue;
    if (key === 'env' && Array.isArray(value)) {
      for (const entry of value)
        if (isRecord(entry) && typeof entry.value === 'string' && !SAFE_EXEC_ENV.has(String(entry.name)))
          found.push(entry.value);
    } else if (key === 'args' && Array.isArray(value)) {
      argSecrets(value.map(String), found);
    } else allStrings(value, found);
  }
}

/** The value after each flag (`--flag VALUE` or `--flag=VALUE`), unless the flag is known to name things. */
function argSecrets(args: string[], found: string[]): void {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (!arg.startsWith('-')) continue;
    const equals = arg.indexOf('=');
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    const value = equals > 0 ? arg.slice(equals + 1) : args[index + 1];
    if (value === undefined || SAFE_EXEC_FLAGS.has(flag)) continue;
    if (equals < 0 && value.startsWith('-')) continue; // a switch followed by the next flag
    found.push(value);
  }
}

function urlSecrets(url: string, found: string[]): void {
  try {
    const parsed = new URL(url);
    if (parsed.password) found.push(parsed.password, decodeURIComponent(parsed.password));
    if (parsed.username && parsed.password) found.push(`${parsed.username}:${parsed.password}`);
    else if (parsed.username) found.push(parsed.username, decodeURIComponent(parsed.username));
  } catch {
    // not a URL; the URL pattern in redact.ts still covers user:password@ text
  }
}

function allStrings(value: Json, found: string[]): void {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const item of value) allStrings(item, found);
  else if (isRecord(value)) for (const item of Object.values(value)) allStrings(item, found);
}

function awsCredentialFiles(env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME ?? homedir();
  return [
    env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials'),
    env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config'),
  ];
}

/** `aws_secret_access_key = …` style lines of the aws CLI's INI files. */
function iniSecrets(file: string, found: string[]): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  for (const line of text.split('\n')) {
    const equals = line.indexOf('=');
    if (equals < 0) continue;
    const key = line.slice(0, equals).trim().toLowerCase();
    if (/secret|token|password/.test(key)) found.push(line.slice(equals + 1).trim());
  }
}

function readYaml(file: string): Json {
  try {
    return parse(readFileSync(file, 'utf8')) as Json;
  } catch {
    return null;
  }
}

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
