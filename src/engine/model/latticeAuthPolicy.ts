// An IAMAuthPolicy's `spec.policy`: the IAM policy document the controller hands to VPC Lattice
// verbatim (PutAuthPolicy). What Lattice accepts, and what matches requests: actions and condition
// keys of the `vpc-lattice-svcs` service. Problems carry offsets in the JSON text.

import { jsonEntry, parseJsonTree, type JsonNode } from '../util/jsonTree';

/** Auth policy size quota (not adjustable). */
export const AUTH_POLICY_MAX_BYTES = 10 * 1024;
const VERSIONS = ['2012-10-17', '2008-10-17'];
const TOP_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
export const INVOKE_ACTION_PREFIX = 'vpc-lattice-svcs:';

export interface PolicyProblem {
  start: number;
  end: number;
  message: string;
}

export interface AuthPolicyReport {
  /** Not JSON, too large, or not the shape of an IAM policy: Lattice refuses it. */
  invalid: PolicyProblem[];
  /** Accepted, but an action or condition key that no request to a Lattice service has. */
  neverMatches: PolicyProblem[];
  /** The parsed document, when it parsed. */
  root?: JsonNode;
}

export function checkAuthPolicy(text: string): AuthPolicyReport {
  const report: AuthPolicyReport = { invalid: [], neverMatches: [] };
  const bytes = Buffer.byteLength(text);
  if (bytes > AUTH_POLICY_MAX_BYTES) {
    report.invalid.push({
      start: 0,
      end: Math.min(text.length, 1),
      message: `the policy is ${bytes.toLocaleString('en-US')} bytes; VPC Lattice accepts auth policies up to ${AUTH_POLICY_MAX_BYTES.toLocaleString('en-US')} bytes (10 KB, not adjustable)`,
    });
    // Past the quota the document is refused anyway; do not parse arbitrarily large text.
    if (bytes > 16 * AUTH_POLICY_MAX_BYTES) return report;
  }
  const parsed = parseJsonTree(text);
  if ('error' in parsed) {
    const { offset, message } = parsed.error;
    report.invalid.push({
      start: offset,
      end: offset + 1,
      message: `the policy is not valid JSON: ${message}`,
    });
    return report;
  }
  report.root = parsed.root;
  checkShape(parsed.root, report);
  return report;
}

function at(node: { start: number; end: number }, message: string): PolicyProblem {
  return { start: node.start, end: node.end, message };
}

function checkShape(root: JsonNode, report: AuthPolicyReport): void {
  const invalid = (node: { start: number; end: number }, message: string): void => {
    report.invalid.push(at(node, message));
  };
  if (root.type !== 'object')
    return invalid(root, 'an IAM policy is a JSON object with "Version" and "Statement"');
  for (const entry of root.entries) {
    if (!TOP_KEYS.has(entry.key))
      invalid(
        { start: entry.keyStart, end: entry.keyEnd },
        `"${entry.key}" is not an element of an IAM policy (Version, Id, Statement)`,
      );
  }
  const version = jsonEntry(root, 'Version')?.value;
  if (version && (version.type !== 'string' || !VERSIONS.includes(version.value)))
    invalid(version, 'Version must be "2012-10-17"');
  const statement = jsonEntry(root, 'Statement')?.value;
  if (!statement) return invalid({ start: root.start, end: root.start + 1 }, 'the policy has no "Statement"');
  const statements = statement.type === 'array' ? statement.items : [statement];
  if (statement.type !== 'array' && statement.type !== 'object')
    return invalid(statement, 'Statement must be an object or a list of objects');
  for (const item of statements) checkStatement(item, report);
}

function checkStatement(statement: JsonNode, report: AuthPolicyReport): void {
  const invalid = (node: { start: number; end: number }, message: string): void => {
    report.invalid.push(at(node, message));
  };
  if (statement.type !== 'object') return invalid(statement, 'each statement must be a JSON object');
  const opening = { start: statement.start, end: statement.start + 1 };
  for (const entry of statement.entries) {
    if (!STATEMENT_KEYS.has(entry.key))
      invalid(
        { start: entry.keyStart, end: entry.keyEnd },
        `"${entry.key}" is not an element of a policy statement`,
      );
  }
  const effect = jsonEntry(statement, 'Effect')?.value;
  if (!effect) invalid(opening, 'the statement has no "Effect" ("Allow" or "Deny")');
  else if (effect.type !== 'string' || (effect.value !== 'Allow' && effect.value !== 'Deny'))
    invalid(effect, 'Effect must be "Allow" or "Deny" (this exact case)');
  if (!jsonEntry(statement, 'Principal') && !jsonEntry(statement, 'NotPrincipal'))
    invalid(
      opening,
      'the statement has no "Principal" (an auth policy is a resource policy: say who, e.g. "*" or {"AWS": "<role ARN>"})',
    );
  const actions = jsonEntry(statement, 'Action') ?? jsonEntry(statement, 'NotAction');
  if (!actions) invalid(opening, 'the statement has no "Action" (e.g. "vpc-lattice-svcs:Invoke")');
  else checkActions(actions.value, report);
  const condition = jsonEntry(statement, 'Condition')?.value;
  if (condition?.type === 'object') {
    for (const operator of condition.entries) {
      if (operator.value.type !== 'object') continue;
      for (const key of operator.value.entries) {
        if (/^vpc-lattice:/i.test(key.key))
          report.neverMatches.push({
            start: key.keyStart,
            end: key.keyEnd,
            message: `condition key "${key.key}" does not exist: the keys of requests to Lattice services are under "${INVOKE_ACTION_PREFIX}" (e.g. ${INVOKE_ACTION_PREFIX}RequestHeader/<name>), so this condition never holds`,
          });
      }
    }
  }
}

function checkActions(node: JsonNode, report: AuthPolicyReport): void {
  const items = node.type === 'array' ? node.items : [node];
  for (const item of items) {
    if (item.type !== 'string') {
      report.invalid.push(at(item, 'an action must be a string such as "vpc-lattice-svcs:Invoke"'));
      continue;
    }
    const action = item.value;
    if (action === '*' || action.toLowerCase().startsWith(INVOKE_ACTION_PREFIX)) continue;
    const management = /^vpc-lattice:/i.test(action);
    report.neverMatches.push(
      at(
        item,
        management
          ? `"${action}" is an action of the VPC Lattice management API, not of requests to a service: it matches no request. Use "${INVOKE_ACTION_PREFIX}${action.slice(action.indexOf(':') + 1)}"`
          : `"${action}" is not an action of VPC Lattice services ("${INVOKE_ACTION_PREFIX}Invoke", "${INVOKE_ACTION_PREFIX}Connect" or "*"): it matches no request`,
      ),
    );
  }
}
