import { latticeAnnotations, RULE_PRIORITY_ANNOTATION } from '../../model/latticeAnnotations';
import { asList, asRecord, isRecord } from '../../util/values';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, routeRules } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

interface PathCondition {
  type: string;
  value: string;
}

/** The path a match tests (defaults filled in), or undefined when the match is not a plain path. */
function pathOf(match: unknown): PathCondition | undefined {
  if (!isRecord(match)) return undefined;
  const path = asRecord(match.path);
  const type = typeof path.type === 'string' ? path.type : 'PathPrefix';
  const value = typeof path.value === 'string' ? path.value : '/';
  return type === 'PathPrefix' || type === 'Exact' ? { type, value } : undefined;
}

/** A match that tests nothing but a path prefix: it takes every request under that prefix. */
function catchAllPrefix(match: unknown): string | undefined {
  const path = pathOf(match);
  if (!path || path.type !== 'PathPrefix' || !isRecord(match)) return undefined;
  if (asList(match.headers).length > 0 || asList(match.queryParams).length > 0 || match.method !== undefined)
    return undefined;
  return path.value;
}

/** Whether every request `path` matches is also under `prefix` (path-segment prefix). */
function under(path: PathCondition, prefix: string): boolean {
  if (prefix === '/' || path.value === prefix) return true;
  const base = prefix.endsWith('/') ? prefix : `${prefix}/`;
  return path.value.startsWith(base);
}

const RULE = (path: string) =>
  `    - matches:\n        - path:\n            type: PathPrefix\n            value: ${path}\n      backendRefs:\n        - name: rates\n          port: 80`;
const ROUTE = (paths: string[]) =>
  file(latticeGateway(), httpRoute(`${PARENT}\n  rules:\n${paths.map(RULE).join('\n')}`));

export default defineRule({
  code: 'LAT309',
  slug: 'shadowed-rule',
  kinds: ['HTTPRoute'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary:
    'A rule of a Lattice HTTPRoute can never match: an earlier rule takes every request under a shorter path prefix (or all of them).',
  why: 'The Gateway API prefers the most specific match whatever the order. VPC Lattice evaluates rules by priority, and the controller gives them priorities in the order written: a rule without matches (everything) or with a shorter prefix that comes first takes the requests meant for the more specific rule after it. Put the more specific rules first.',
  badExample: ROUTE(['/', '/review']),
  goodExample: ROUTE(['/review', '/']),
  docs: `${CONTROLLER_DOCS}conformance-test/`,
  check(ctx) {
    // Explicit priorities reorder the rules; the written order then says nothing.
    if ([...latticeAnnotations(ctx.value).keys()].some((key) => RULE_PRIORITY_ANNOTATION.test(key))) return;
    const earlier: { prefix: string; rule: number }[] = [];
    for (const { rule, index, path } of routeRules(ctx.value)) {
      const matches = rule.matches === undefined ? [{}] : asList(rule.matches);
      const paths = matches.map(pathOf);
      const shadow = earlier.find(({ prefix }) =>
        paths.every((candidate) => candidate !== undefined && under(candidate, prefix)),
      );
      if (shadow && matches.length > 0) {
        ctx.report({
          path: rule.matches === undefined ? path : [...path, 'matches'],
          target: 'key',
          bare: true,
          message: `rule ${index + 1} never matches: rule ${shadow.rule + 1} (path prefix "${shadow.prefix}") comes first and takes these requests, because VPC Lattice evaluates rules in the order written. Move this rule above it.`,
        });
      }
      for (const match of matches) {
        const prefix = catchAllPrefix(match);
        if (prefix !== undefined) earlier.push({ prefix, rule: index });
      }
    }
  },
  holdsInWorkspace: boundToLattice,
});
