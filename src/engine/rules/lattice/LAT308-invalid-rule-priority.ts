import { latticeAnnotations, RULE_PRIORITY_ANNOTATION } from '../../model/latticeAnnotations';
import { isPlaceholder } from '../../util/placeholders';
import { renderValue } from '../../util/strings';
import { asList, asRecord } from '../../util/values';
import { defineRule } from '../types';
import { annotationPath, boundToLattice, CONTROLLER_DOCS, MATCHING_ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

export const LATTICE_MAX_RULE_PRIORITY = 100;

const RULE = (path: string) =>
  `    - matches:\n        - path:\n            type: PathPrefix\n            value: ${path}\n      backendRefs:\n        - name: rates\n          port: 80`;
const ROUTE = (first: string, second: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n${RULE('/review')}\n${RULE('/')}`,
      `  annotations:\n    application-networking.k8s.aws/rule-0-priority: "${first}"\n    application-networking.k8s.aws/rule-1-priority: "${second}"`,
    ),
  );

export default defineRule({
  code: 'LAT308',
  slug: 'invalid-rule-priority',
  kinds: MATCHING_ROUTE_KINDS,
  category: 'aws-limit',
  defaultSeverity: 'error',
  summary:
    'A `rule-<i>-priority` annotation is not a whole number from 1 to 100, repeats another rule’s priority, or names a rule the route does not have.',
  why: 'The controller gives each Lattice rule the priority from `application-networking.k8s.aws/rule-<index>-priority` (index from 0); lower numbers are evaluated first. VPC Lattice accepts priorities 1–100, each once per listener: a larger or repeated value fails when the rule is created. A value that is not a number is logged and ignored (the rule keeps its position), and an index past the last rule does nothing.',
  badExample: ROUTE('10', '200'),
  goodExample: ROUTE('10', '20'),
  docs: `${CONTROLLER_DOCS}guides/advanced-configurations/`,
  check(ctx) {
    const rules = asList(asRecord(ctx.value.spec).rules).length;
    const seen = new Map<number, number>();
    for (const [key, raw] of latticeAnnotations(ctx.value)) {
      const index = RULE_PRIORITY_ANNOTATION.exec(key)?.[1];
      if (index === undefined || (typeof raw === 'string' && isPlaceholder(raw))) continue;
      const rule = Number(index);
      const which = `rule ${rule + 1} (index ${rule})`;
      const text = typeof raw === 'string' ? raw.trim() : String(raw);
      const priority = /^-?\d+$/.test(text) ? Number(text) : NaN;
      const report = (message: string) => ctx.report({ path: annotationPath(key), bare: true, message });
      if (rule >= rules) {
        report(
          `the route has ${rules} rule${rules === 1 ? '' : 's'} (indexes from 0): there is no ${which}, so this priority does nothing`,
        );
      } else if (Number.isNaN(priority)) {
        report(
          `priority ${renderValue(raw)} is not a whole number: the controller ignores it and ${which} keeps priority ${rule + 1}`,
        );
      } else if (priority < 1 || priority > LATTICE_MAX_RULE_PRIORITY) {
        report(
          `priority ${priority} is outside 1–${LATTICE_MAX_RULE_PRIORITY}, the range VPC Lattice accepts: ${which} fails to create`,
        );
      } else if (seen.has(priority)) {
        report(
          `priority ${priority} is also given to rule ${(seen.get(priority) ?? 0) + 1}: priorities must be unique per listener, so one of the rules fails to create`,
        );
      } else seen.set(priority, rule);
    }
  },
  holdsInWorkspace: boundToLattice,
});
