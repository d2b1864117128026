import type { Path } from '../../types';
import { formatPath } from '../../parse/yamlPath';
import { awsIdExample, awsIdFormat, type AwsIdPrefix } from '../../util/awsIds';
import { truncate } from '../../util/strings';
import { findPlaceholders, type PlaceholderVisit } from '../templates';
import { defineRule } from '../types';
import { manifest } from '../example';
import { LATTICE_KINDS } from '../../route/latticeResourceTypes';

/** How many placeholders a note names before "and N more". */
const NAMED = 4;

function idPrefix(path: Path): AwsIdPrefix {
  return path[1] === 'subnet' ? 'subnet' : 'sg';
}

function names(visits: readonly PlaceholderVisit[]): string {
  const sources = [...new Set(visits.map((visit) => truncate(visit.source)))];
  const shown = sources.slice(0, NAMED).join(', ');
  return sources.length > NAMED ? `${shown} and ${sources.length - NAMED} more` : shown;
}

function templatesPhrase(templates: readonly PlaceholderVisit[]): string {
  const count = templates.length;
  return count === 1
    ? `1 template placeholder (${names(templates)}) gets its value`
    : `${count} template placeholders (${names(templates)}): they get their values`;
}

function standInMessage(standIn: PlaceholderVisit): string {
  const prefix = idPrefix(standIn.path);
  const what = prefix === 'subnet' ? 'subnet ID' : 'security group ID';
  return `${formatPath(standIn.path)} is a stand-in (${truncate(standIn.source)}), not a ${what}: replace it with a real one (${awsIdFormat(prefix)}, e.g. ${awsIdExample(prefix)}) before you apply it`;
}

export default defineRule<{ placeholder: string }>({
  code: 'TPL001',
  slug: 'placeholder-value',
  kinds: ['NetworkPolicy', 'SecurityGroupPolicy', 'ENIConfig', ...LATTICE_KINDS],
  category: 'template',
  defaultSeverity: 'info',
  summary:
    'A resource holds template placeholders (`${X}`, `$X`, `{{ .Values.x }}`, `<x>`, an upper-case variable such as `TENANT_NAME` in a name) or a stand-in for an AWS ID (`my_pod_security_group_id`, `PRIVATE_SUBNET`, `sg-placeholder-db`); one note per resource says which, and their values are checked once they are real.',
  why: 'Many SecurityGroupPolicy and ENIConfig files are templates filled in by envsubst, Helm or a script, so format and type checks skip placeholders, and one note per resource (on its first one) names them instead of one per value. A stand-in copied from the docs is different: no tool fills it in, and the API server or the controller rejects it, so the note says to replace it with a real ID.',
  badExample: manifest`
    apiVersion: crd.k8s.amazonaws.com/v1alpha1
    kind: ENIConfig
    metadata:
      name: us-west-2a
    spec:
      subnet: \${SUBNET_AZ_1}
      securityGroups:
        - sg-0123456789abcdef0
  `,
  goodExample: manifest`
    apiVersion: crd.k8s.amazonaws.com/v1alpha1
    kind: ENIConfig
    metadata:
      name: us-west-2a
    spec:
      subnet: subnet-0123456789abcdef0
      securityGroups:
        - sg-0123456789abcdef0
  `,
  docs: 'https://helm.sh/docs/helm/helm_template/',
  check(ctx) {
    const found = findPlaceholders(ctx);
    const standIns = found.filter((visit) => visit.type === 'stand-in');
    const templates = found.filter((visit) => visit.type === 'template');
    // The note sits on what needs a person first: a stand-in, else the first placeholder.
    const [standIn] = standIns;
    const at = standIn ?? templates[0];
    if (!at) return;
    let message: string;
    if (standIn) {
      const others =
        standIns.length > 1
          ? `; ${standIns.length - 1} more stand-in(s) (${names(standIns.slice(1))}) too`
          : '';
      message = `${standInMessage(standIn)}${others}${templates.length > 0 ? `; ${templatesPhrase(templates)} when the template is rendered` : ''}`;
    } else if (templates.length === 1) {
      message = `${formatPath(at.path)} is a template placeholder (${truncate(at.source)}): it gets its value when the template is rendered (envsubst, Helm), so it is not checked here; check the rendered manifest`;
    } else {
      message = `${templatesPhrase(templates)} when the template is rendered (envsubst, Helm), so they are not checked here; check the rendered manifest`;
    }
    ctx.report({ path: at.path, bare: true, message, data: { placeholder: at.source } });
  },
});
