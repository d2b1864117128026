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

/**
 * Stand-ins written in place of an AWS ID: `PRIVATE_SUBNET`, `sg-REPLACE_WITH_SG`, `subnet-xxxxxxxx`,
 * `my_pod_security_group_id`. No real ID has capitals, underscores or a run of x's, so these are
 * never mistaken for a typo in a real ID.
 */
export function isIdStandIn(value: string): boolean {
  if (isPlaceholder(value)) return true;
  const rest = value.replace(/^(sg|subnet)-/, '');
  if (/^x{3,}$/i.test(rest)) return true;
  if (rest.includes('_')) return true;
  // Capitals beyond hex digits (`SG_ONE`); `sg-0123ABCD` is a real ID typed in the wrong case.
  return /[G-Z]/.test(rest) && !/[a-z]/.test(rest);
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
