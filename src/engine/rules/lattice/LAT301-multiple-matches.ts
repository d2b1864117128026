import { isSeq, type Node } from 'yaml';
import { nodeRange } from '../../parse/yamlPath';
import type { QuickFix } from '../../types';
import { asList } from '../../util/values';
import { defineRule, type RuleContext } from '../types';
import { boundToLattice, CONTROLLER_DOCS, MATCHING_ROUTE_KINDS, routeRules } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const MATCH = (path: string) => `        - path:\n            type: PathPrefix\n            value: ${path}\n`;
const RULE = (matches: string) =>
  `    - matches:\n${matches}      backendRefs:\n        - name: rates\n          port: 80`;

export default defineRule<{ rule: number }>({
  code: 'LAT301',
  slug: 'multiple-matches',
  kinds: MATCHING_ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'error',
  summary: 'A rule of a Lattice route has more than one match; VPC Lattice rules have exactly one.',
  why: 'In the Gateway API the matches of a rule are alternatives (any of them). A VPC Lattice rule has a single set of conditions, all of which must hold, so the controller refuses the route: "failed to build rules due to LATTICE_NO_SUPPORT_FOR_MULTIPLE_MATCHES" (an event; the route may still look Accepted). Write one rule per match, with the same backends.',
  badExample: file(
    latticeGateway(),
    httpRoute(`${PARENT}\n  rules:\n${RULE(MATCH('/parking') + MATCH('/review'))}`),
  ),
  goodExample: file(
    latticeGateway(),
    httpRoute(`${PARENT}\n  rules:\n${RULE(MATCH('/parking'))}\n${RULE(MATCH('/review'))}`),
  ),
  docs: `${CONTROLLER_DOCS}api-types/http-route/`,
  check(ctx) {
    for (const { rule, index, path } of routeRules(ctx.value)) {
      const matches = asList(rule.matches);
      if (matches.length < 2) continue;
      ctx.report({
        path: [...path, 'matches'],
        target: 'key',
        bare: true,
        message: `rule ${index + 1} has ${matches.length} matches: VPC Lattice rules take one, and the controller fails to build the route (LATTICE_NO_SUPPORT_FOR_MULTIPLE_MATCHES). Split it into ${matches.length} rules.`,
        data: { rule: index },
      });
    }
  },
  fix(ctx, finding) {
    const index = finding.data?.rule;
    const fix = index === undefined ? undefined : splitRuleFix(ctx, index);
    return fix ? [fix] : [];
  },
  holdsInWorkspace: boundToLattice,
});

/**
 * Rewrites rule `index` (a block mapping in a block sequence) as one rule per match: each copy is
 * the rule's text with its matches list replaced by one of its items.
 */
function splitRuleFix(ctx: RuleContext<{ rule: number }>, index: number): QuickFix | undefined {
  const rulePath = ['spec', 'rules', index];
  const rule = nodeRange(ctx.locate(rulePath)?.value);
  const matches = ctx.locate([...rulePath, 'matches'])?.value;
  if (!rule || !isSeq(matches) || matches.flow || !matches.range) return undefined;
  const text = ctx.text;
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number) => {
    const newline = text.indexOf('\n', offset);
    return newline === -1 ? text.length : newline + 1;
  };
  const items = matches.items as Node[];
  const spans = items.map((item) => {
    const range = nodeRange(item);
    return range
      ? { start: lineStart(range.start), end: lineEnd(Math.max(range.end - 1, range.start)) }
      : undefined;
  });
  if (spans.some((span) => span === undefined)) return undefined;
  const listStart = spans[0]!.start;
  const listEnd = spans[spans.length - 1]!.end;
  const dash = text.lastIndexOf('-', rule.start);
  const ruleStart = lineStart(dash);
  const ruleEnd = lineEnd(Math.max(rule.end - 1, rule.start));
  if (listStart < ruleStart || listEnd > ruleEnd || text.slice(ruleStart, dash).trim() !== '')
    return undefined;
  const before = text.slice(ruleStart, listStart);
  const after = text.slice(listEnd, ruleEnd);
  const copies = spans.map((span) => `${before}${text.slice(span!.start, span!.end)}${after}`);
  const joined = copies.map((copy) => (copy.endsWith('\n') ? copy : `${copy}\n`)).join('');
  return {
    title: `Split rule ${index + 1} into ${items.length} rules, one per match`,
    safe: false,
    edits: [
      {
        start: ruleStart,
        end: ruleEnd,
        newText: ruleEnd === text.length && !text.endsWith('\n') ? joined.slice(0, -1) : joined,
      },
    ],
  };
}
