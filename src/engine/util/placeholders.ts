// Template placeholders: values that a tool (envsubst, Helm, sed, a human) replaces before the
// manifest is applied. They are reported once as information and skipped by the format checks.

/** `${X}`, `{{ .Values.x }}`, `$X` and `<x>` anywhere in the value. */
const TEMPLATE_SYNTAX = /\$\{[^}]*\}|\{\{[\s\S]*?\}\}|\$[A-Za-z_][A-Za-z0-9_]*|<[^<>\n]+>/;

export function isPlaceholder(value: string): boolean {
  return TEMPLATE_SYNTAX.test(value);
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
  const helm = /\{\{[\s\S]*?\}\}/.exec(text);
  if (helm) return { offset: helm.index, length: helm[0].length, tool: 'helm' };
  const env = /\$\{[A-Za-z_][A-Za-z0-9_]*\}/.exec(text);
  if (env) return { offset: env.index, length: env[0].length, tool: 'envsubst' };
  return undefined;
}
