// Every rule, in code order. A test checks that each file under rules/<kind>/ is listed here.

import type { AnyRule } from './types';
import YAML001 from './common/YAML001-syntax-error';
import YAML002 from './common/YAML002-file-too-large';
import API001 from './common/API001-wrong-api-version';
import API002 from './common/API002-wrong-kind-case';
import API003 from './common/API003-duplicate-resource';
import SCH001 from './common/SCH001-unknown-field';
import SCH002 from './common/SCH002-wrong-type';
import SCH003 from './common/SCH003-unsupported-value';
import SCH004 from './common/SCH004-required-field';
import SCH005 from './common/SCH005-value-constraint';
import SCH006 from './common/SCH006-api-server-rule';
import TPL001 from './common/TPL001-placeholder-value';
import TPL002 from './common/TPL002-template-breaks-yaml';
import TPL003 from './common/TPL003-helm-list-as-string';
import TPL004 from './common/TPL004-helm-selector-from-labels';
import NP101 from './networkpolicy/NP101-port-out-of-range';
import NP102 from './networkpolicy/NP102-invalid-end-port';
import NP103 from './networkpolicy/NP103-invalid-named-port';
import NP104 from './networkpolicy/NP104-empty-peer';
import NP105 from './networkpolicy/NP105-ipblock-with-selector';
import NP110 from './networkpolicy/NP110-invalid-cidr';
import NP111 from './networkpolicy/NP111-except-outside-cidr';
import NP112 from './networkpolicy/NP112-too-many-policy-types';
import NP120 from './networkpolicy/NP120-invalid-label-selector';
import NP130 from './networkpolicy/NP130-invalid-metadata';
import NP201 from './networkpolicy/NP201-rules-ignored-by-policy-types';
import NP202 from './networkpolicy/NP202-egress-only-isolates-ingress';
import NP203 from './networkpolicy/NP203-egress-without-dns';
import NP204 from './networkpolicy/NP204-selects-all-pods';
import NP205 from './networkpolicy/NP205-allow-all-rule';
import NP206 from './networkpolicy/NP206-empty-rule-list';
import NP207 from './networkpolicy/NP207-and-or-selector-trap';
import NP208 from './networkpolicy/NP208-cidr-host-bits';
import NP209 from './networkpolicy/NP209-missing-namespace';
import NP210 from './networkpolicy/NP210-cidr-not-canonical';
import NP211 from './networkpolicy/NP211-no-spec';
import NP212 from './networkpolicy/NP212-selects-no-workload';
import NP213 from './networkpolicy/NP213-peer-matches-nothing';
import NP301 from './networkpolicy/NP301-eks-named-port-unresolved';
import NP302 from './networkpolicy/NP302-eks-too-many-ports';
import NP303 from './networkpolicy/NP303-eks-other-ip-family';
import SGP101 from './securitygrouppolicy/SGP101-invalid-security-group-id';
import SGP102 from './securitygrouppolicy/SGP102-invalid-label-selector';
import SGP103 from './securitygrouppolicy/SGP103-invalid-metadata';
import SGP201 from './securitygrouppolicy/SGP201-no-selector';
import SGP202 from './securitygrouppolicy/SGP202-both-selectors';
import SGP203 from './securitygrouppolicy/SGP203-too-many-groups';
import SGP204 from './securitygrouppolicy/SGP204-missing-namespace';
import SGP205 from './securitygrouppolicy/SGP205-no-security-groups';
import ENI101 from './eniconfig/ENI101-invalid-subnet-id';
import ENI102 from './eniconfig/ENI102-invalid-security-group-id';
import ENI103 from './eniconfig/ENI103-invalid-metadata';
import ENI201 from './eniconfig/ENI201-namespace-ignored';
import ENI202 from './eniconfig/ENI202-name-not-zone';
import ENI203 from './eniconfig/ENI203-spec-field-at-top-level';
import { LATTICE_RULES } from './lattice';

export const RULES: readonly AnyRule[] = [
  YAML001,
  YAML002,
  API001,
  API002,
  API003,
  SCH001,
  SCH002,
  SCH003,
  SCH004,
  SCH005,
  SCH006,
  TPL001,
  TPL002,
  TPL003,
  TPL004,
  NP101,
  NP102,
  NP103,
  NP104,
  NP105,
  NP110,
  NP111,
  NP112,
  NP120,
  NP130,
  NP201,
  NP202,
  NP203,
  NP204,
  NP205,
  NP206,
  NP207,
  NP208,
  NP209,
  NP210,
  NP211,
  NP212,
  NP213,
  NP301,
  NP302,
  NP303,
  SGP101,
  SGP102,
  SGP103,
  SGP201,
  SGP202,
  SGP203,
  SGP204,
  SGP205,
  ENI101,
  ENI102,
  ENI103,
  ENI201,
  ENI202,
  ENI203,
  ...LATTICE_RULES,
];

const BY_CODE = new Map(RULES.map((rule) => [rule.code, rule]));

export function ruleByCode(code: string): AnyRule | undefined {
  return BY_CODE.get(code);
}

/** Where a rule's section lives in the generated rules page; used for `codeDescription` links. */
export const RULES_DOC_URL = 'https://github.com/eks-networking/eks-networking/blob/main/docs/rules.md';

export function ruleDocsUrl(rule: AnyRule): string {
  return `${RULES_DOC_URL}#${rule.code.toLowerCase()}-${rule.slug}`;
}
