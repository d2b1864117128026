// Template placeholders: values that a tool (envsubst, Helm, sed, a human) replaces before the
// manifest is applied. They are reported once as information and skipped by the format checks.

/**
 * `${X}`, `{{ .Values.x }}`, `$X` and `<x>` anywhere in the value. Written as scans rather than
 * one regular expression: `\$\{[^}]*\}` tried at each of 50,000 `${` runs to the end of the text
 * every time (20 seconds for one value).
 */
export function isPlaceholder(value: string): boolean {
  return (
    hasClosedAfter(value, '${', '}') ||
    hasClosedAfter(value, '{{', '}}') ||
    /\$[A-Za-z_]/.test(value) ||
    hasAngleBrackets(value)
  );
}

/** Whether some `open` is followed later by `close`: it is enough to look after the first `open`. */
function hasClosedAfter(text: string, open: string, close: string): boolean {
  const at = text.indexOf(open);
  return at !== -1 && text.indexOf(close, at + open.length) !== -1;
}

/** `<x>`: a `<`, at least one character other than `<`, `>` and a line break, then `>`. */
function hasAngleBrackets(text: string): boolean {
  for (let at = text.indexOf('<'); at !== -1;) {
    let end = at + 1;
    while (end < text.length && text[end] !== '<' && text[end] !== '>' && text[end] !== '\n') end++;
    if (text[end] === '>' && end > at + 1) return true;
    at = text[end] === '<' ? end : text.indexOf('<', end + 1);
  }
  return false;
}

/** Words people write in a value that a script or a human replaces later. */
const STAND_IN_WORDS = /placeholder|replace|change-?me|your|example|todo|fixme|dummy/i;

/**
 * Stand-ins written in place of an AWS ID: `PRIVATE_SUBNET`, `sg-REPLACE_WITH_SG`, `subnet-xxxxxxxx`,
 * `my_pod_security_group_id`, `sg-placeholder-eks-pod`, `REPLACE-WITH-YOUR-SG-ID`. No real ID has
 * underscores, a run of x's or such words. An ID of the right shape in the wrong case
 * (`SG-019406E62AFB39303`, `Subnet-0a1b2c3d`) is not a stand-in: the API accepts it and the AWS
 * controller cannot use it, so it is reported.
 */
export function isIdStandIn(value: string): boolean {
  if (isPlaceholder(value)) return true;
  const prefixed = /^(?:sg|subnet)-(.*)$/is.exec(value);
  const rest = prefixed ? prefixed[1] : value;
  if (/^x{3,}$/i.test(rest) || rest.includes('_') || STAND_IN_WORDS.test(rest)) return true;
  if (prefixed && /^[0-9a-f]+$/i.test(rest)) return false;
  // Capitals beyond hex digits and no lower case: `SG_ONE`, `PRIVATE-SUBNET`.
  return /[G-Z]/.test(rest) && !/[a-z]/.test(rest);
}

/** An upper-case word with an underscore, as scripts substitute (`TENANT_NAME`, `$ENV_NAME` without `$`). */
const UPPER_CASE_VARIABLE = /(?:^|[^A-Za-z0-9])[A-Z][A-Z0-9]*_[A-Z0-9_]*(?=$|[^A-Za-z0-9_])/;

/**
 * A name or namespace holding a placeholder: template syntax, or an upper-case variable such as
 * `TENANT_NAME` that sed replaces (a real name is lower case, so this is never a real one).
 */
export function isNameStandIn(value: string): boolean {
  return isPlaceholder(value) || UPPER_CASE_VARIABLE.test(value);
}

/** Whether YAML source text is a Helm expression that YAML read as a flow mapping (`{{ .Values.x }}` unquoted). */
export function isTemplateSource(source: string): boolean {
  return /^\{\{[\s\S]*\}\}$/.test(source.trim());
}

/** The first template expression in a chunk that failed to parse, and which tool it belongs to. */
export function findTemplateMarker(
  text: string,
): { offset: number; length: number; tool: 'helm' | 'envsubst' } | undefined {
  // The first `{{` decides: if no `}}` follows it, none follows a later one either.
  const open = text.indexOf('{{');
  const close = open === -1 ? -1 : text.indexOf('}}', open + 2);
  if (close !== -1) return { offset: open, length: close + 2 - open, tool: 'helm' };
  const env = /\$\{[A-Za-z_][A-Za-z0-9_]*\}/.exec(text);
  if (env) return { offset: env.index, length: env[0].length, tool: 'envsubst' };
  return undefined;
}
