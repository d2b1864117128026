// Keeps credentials out of logs, CLI output and error messages, two ways: every secret value found
// in the kubeconfig, the environment and the aws CLI's credential files (see secrets.ts) is replaced
// wherever it appears, and anything shaped like a credential is replaced by pattern. Every pattern is
// linear: literal anchors, bounded repetition, and a word-start lookbehind so no position is rescanned.

import type { ClusterSettings } from './settings';
import { collectSecrets } from './secrets';

export const REDACTED = '[REDACTED]';

/** Shortest value treated as a secret on its own; shorter ones would blank out ordinary words. */
const MIN_SECRET_LENGTH = 6;

const KEYWORD = 'secret|token|password|passwd|private[-_]?key|client[-_]key[-_]data|credential';
const VALUE = `("[^"\\n]*"|'[^'\\n]*'|[^\\s"',;&}\\]]+)`;

/** A prefix kept as it is, and the credential after it. */
const PATTERNS: RegExp[] = [
  // Authorization headers.
  /(?<![A-Za-z0-9_-])((?:Bearer|Basic)[ \t]{1,8})[A-Za-z0-9._~+/=-]{6,}/gi,
  // key: value, key=value, "key": "value" — for any key that names a secret (SessionToken,
  // AWS_SECRET_ACCESS_KEY, client-secret, id-token, password …).
  new RegExp(
    `(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{0,32}?(?:${KEYWORD})[A-Za-z0-9_-]{0,32}["']?[ \\t]{0,8}[:=][ \\t]{0,8})${VALUE}`,
    'gi',
  ),
  // Command-line flags: --client-secret X, --password=X, -token X.
  new RegExp(
    `(?<![A-Za-z0-9_-])(--?[A-Za-z0-9_-]{0,32}?(?:${KEYWORD})[A-Za-z0-9_-]{0,32}(?:=|[ \\t]{1,8}))${VALUE}`,
    'gi',
  ),
  // The password (and user) in a URL: https://user:password@host, proxy-url included.
  /(:\/\/)[^\s/?#@"']{1,256}@/g,
];

/** Whole matches replaced (no prefix kept). */
const WHOLE_PATTERNS: RegExp[] = [
  // AWS access key IDs: long-term (AKIA) and temporary (ASIA) ones, and the other key ID prefixes.
  /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  // EKS tokens (aws eks get-token) and JWTs (OIDC id-tokens, service account tokens).
  /(?<![A-Za-z0-9_-])k8s-aws-v1\.[A-Za-z0-9_-]+/g,
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
];

export class Redactor {
  private readonly secrets = new Set<string>();

  /** A redactor that knows every credential the settings' kubeconfig, environment and aws files hold. */
  static forSettings(settings: Pick<ClusterSettings, 'kubeconfig' | 'env'>): Redactor {
    const redactor = new Redactor();
    for (const secret of collectSecrets(settings.kubeconfig, settings.env ?? process.env))
      redactor.add(secret);
    return redactor;
  }

  add(secret: string | undefined): void {
    const value = secret?.trim();
    if (!value || value.length < MIN_SECRET_LENGTH || this.secrets.has(value)) return;
    this.secrets.add(value);
    const decoded = tryBase64(value);
    if (decoded) this.add(decoded);
    // A PEM key printed on its own shows up line by line.
    if (value.includes('\n'))
      for (const line of value.split('\n')) if (line.trim().length >= 16) this.add(line);
  }

  redact(text: string): string {
    let result = redactPemBlocks(text);
    // Longest first, so a secret that contains another is removed whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length))
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    for (const pattern of PATTERNS) {
      // The third argument is the value for the key patterns (an offset for the others).
      result = result.replace(pattern, (match: string, prefix: string, value: unknown) =>
        typeof value === 'string' && value.startsWith('[REDACTED') ? match : `${prefix}${REDACTED}`,
      );
    }
    for (const pattern of WHOLE_PATTERNS) result = result.replace(pattern, REDACTED);
    return result;
  }
}

/**
 * Private-key PEM blocks, found with indexOf rather than a regular expression: from the BEGIN line
 * to the END line, or to the end of the text when the END line is missing (truncated output).
 */
function redactPemBlocks(text: string): string {
  const begin = '-----BEGIN ';
  let result = '';
  let from = 0;
  for (;;) {
    const start = text.indexOf(begin, from);
    if (start < 0) break;
    const headerEnd = text.indexOf('-----', start + begin.length);
    if (headerEnd < 0) break;
    const label = text.slice(start + begin.length, headerEnd);
    if (!label.endsWith('PRIVATE KEY') || label.length > 64) {
      result += text.slice(from, headerEnd);
      from = headerEnd;
      continue;
    }
    const footer = `-----END ${label}-----`;
    const end = text.indexOf(footer, headerEnd);
    result += `${text.slice(from, start)}${REDACTED}`;
    if (end < 0) return result;
    from = end + footer.length;
  }
  return result + text.slice(from);
}

function tryBase64(text: string): string | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  // eslint-disable-next-line no-control-regex
  return /^[\x09\x0a\x0d\x20-\x7e]+$/.test(decoded) ? decoded : undefined;
}
