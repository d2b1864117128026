// Keeps credentials out of logs, CLI output and error messages: every secret found in the kubeconfig
// (tokens, passwords, client keys, in raw and base64 form) plus anything shaped like one.

import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';

const REDACTED = '[REDACTED]';

const PATTERNS: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /("?(?:token|password|client-key-data|id-token|refresh-token|access-token|secret-access-key|session-token)"?\s*[:=]\s*"?)[^\s",]+/gi,
  /\bAKIA[0-9A-Z]{16}\b/g,
];

export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (!secret || secret.length < 6) return;
    this.secrets.add(secret);
    const decoded = tryBase64(secret);
    if (decoded) this.add(decoded);
    for (const line of secret.split('\n')) if (line.trim().length >= 16) this.secrets.add(line.trim());
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so a secret that contains another is removed whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length))
      result = result.split(secret).join(REDACTED);
    for (const pattern of PATTERNS) {
      result = result.replace(pattern, (match: string, prefix?: string) =>
        typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED,
      );
    }
    return result;
  }

  /** Reads the kubeconfig files kubectl would read and remembers every credential in them. */
  addKubeconfigSecrets(kubeconfigSetting: string | undefined, env: NodeJS.ProcessEnv): void {
    for (const file of kubeconfigFiles(kubeconfigSetting, env)) {
      let config: unknown;
      try {
        config = parse(readFileSync(file, 'utf8'));
      } catch {
        continue;
      }
      const users = (config as { users?: Array<{ user?: Record<string, unknown> }> } | null)?.users ?? [];
      for (const { user } of users) collectStrings(user, this);
    }
  }
}

const SECRET_KEYS = new Set([
  'token',
  'password',
  'client-key-data',
  'client-key',
  'id-token',
  'refresh-token',
  'access-token',
  'client-secret',
]);

function collectStrings(value: unknown, redactor: Redactor, key = ''): void {
  if (typeof value === 'string') {
    if (SECRET_KEYS.has(key)) redactor.add(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, redactor, key);
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [childKey, child] of Object.entries(value)) collectStrings(child, redactor, childKey);
  }
}

export function kubeconfigFiles(kubeconfigSetting: string | undefined, env: NodeJS.ProcessEnv): string[] {
  if (kubeconfigSetting) return [kubeconfigSetting];
  if (env.KUBECONFIG) return env.KUBECONFIG.split(delimiter).filter((file) => file && existsSync(file));
  const home = env.HOME ?? homedir();
  const file = join(home, '.kube', 'config');
  return existsSync(file) ? [file] : [];
}

function tryBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+=*$/.test(text) || text.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  // eslint-disable-next-line no-control-regex
  return /^[\x09\x0a\x0d\x20-\x7e]+$/.test(decoded) ? decoded : undefined;
}
