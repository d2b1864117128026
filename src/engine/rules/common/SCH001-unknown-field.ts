import type { Path } from '../../types';
import type { SchemaNode, SchemaRegistry } from '../../schema/schemaRegistry';
import { formatPath } from '../../parse/yamlPath';
import { closestName, truncate } from '../../util/strings';
import { isRecord, valueAt } from '../../util/values';
import { moveKeyFix, renameKeyFix } from '../fixes/keyEdits';
import { defineRule, type RuleContext } from '../types';
import { manifest } from '../example';

export default defineRule<{ suggestion?: string; moveTo?: Path }>({
  code: 'SCH001',
  slug: 'unknown-field',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  summary: 'A field that this kind does not have: usually a typo or a key at the wrong indentation.',
  why: 'With strict field validation (kubectl --validate=strict) the API server rejects unknown fields; with looser validation it drops them with at most a warning, so the setting you wrote has no effect.',
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-web
      namespace: shop
    spec:
      podSelecter:
        matchLabels:
          app: api
      policyTypes:
        - Ingress
      ingress:
        - from:
            - podSelector:
                matchLabels:
                  app: web
          ports:
            - protocol: TCP
              port: 8080
  `,
  goodExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-web
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Ingress
      ingress:
        - from:
            - podSelector:
                matchLabels:
                  app: web
          ports:
            - protocol: TCP
              port: 8080
  `,
  docs: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
  check(ctx) {
    // The keys present in each parent, built once: per violation it was quadratic in a mapping of thousands.
    const presentByParent = new Map<string, Set<string>>();
    for (const violation of ctx.schemaViolations) {
      if (violation.keyword !== 'additionalProperties') continue;
      const name = String(violation.params.additionalProperty);
      const parentPath = violation.path;
      const path = [...parentPath, name];
      // The unknown key is the user's text: cut it like any quoted value; the rest of the path is schema-known.
      const shown = formatPath([...parentPath, truncate(name)]);
      const parentKey = formatPath(parentPath);
      let present = presentByParent.get(parentKey);
      if (!present) {
        const parentValue = valueAt(ctx.value, parentPath);
        present = new Set(Object.keys(isRecord(parentValue) ? parentValue : {}));
        presentByParent.set(parentKey, present);
      }
      const declared = ctx.schemas.propertiesOf(violation.schema);

      const rename = closestName(
        name,
        Object.keys(declared).filter((candidate) => !present.has(candidate)),
      );
      if (rename) {
        ctx.report({
          path,
          target: 'key',
          bare: true,
          message: `unknown field "${shown}": did you mean "${rename}"?`,
          data: { suggestion: rename },
        });
        continue;
      }
      const home = findHome(ctx, name, parentPath, declared, present);
      if (home) {
        const where = home.length === 0 ? 'the top level' : formatPath(home);
        const here = parentPath.length === 0 ? 'at the top level' : `under ${formatPath(parentPath)}`;
        ctx.report({
          path,
          target: 'key',
          bare: true,
          message: `unknown field "${shown}": "${name}" is not a field ${here}; it belongs under ${where} (${formatPath([...home, name])})`,
          data: { moveTo: home },
        });
        continue;
      }
      ctx.report({ path, target: 'key', bare: true, message: `unknown field "${shown}"` });
    }
  },
  fix(ctx, finding) {
    const { suggestion, moveTo } = finding.data ?? {};
    if (suggestion !== undefined) return [renameKeyFix(ctx, finding.path, suggestion)];
    if (moveTo !== undefined) {
      const fix = moveKeyFix(ctx, finding.path, moveTo);
      return fix ? [fix] : [];
    }
    return [];
  },
});

/**
 * Where a misplaced key belongs: first a child of the current object that declares it (the SGP
 * docs example has `namespace:` at the top level instead of under `metadata`), then an ancestor
 * (a key indented one level too deep).
 */
function findHome(
  ctx: RuleContext<unknown>,
  name: string,
  parentPath: Path,
  declared: Record<string, SchemaNode>,
  present: Set<string>,
): Path | undefined {
  const children = Object.entries(declared)
    .filter(([, schema]) => declares(ctx.schemas, schema, name))
    .map(([child]) => child)
    .sort((a, b) => Number(present.has(b)) - Number(present.has(a)));
  if (children.length > 0) return [...parentPath, children[0]];
  for (let length = parentPath.length - 1; length >= 0; length--) {
    const ancestor = parentPath.slice(0, length);
    if (typeof ancestor[ancestor.length - 1] === 'number') continue;
    const schema = ctx.schemas.schemaAt(ctx.resource, ancestor);
    if (schema && declares(ctx.schemas, schema, name)) return ancestor;
  }
  return undefined;
}

function declares(schemas: SchemaRegistry, schema: SchemaNode, name: string): boolean {
  const resolved = schemas.resolve(schema);
  const target = resolved.items ? schemas.resolve(resolved.items) : resolved;
  return Boolean(target.properties && name in target.properties);
}
