// Every rule, in code order. A test checks that each file under rules/<kind>/ is listed here.

import type { Rule } from './types';
import YAML001 from './common/YAML001-syntax-error';
import YAML002 from './common/YAML002-file-too-large';
import API001 from './common/API001-wrong-api-version';
import API002 from './common/API002-wrong-kind-case';
import SCH001 from './common/SCH001-unknown-field';
import SCH002 from './common/SCH002-wrong-type';
import SCH003 from './common/SCH003-unsupported-value';
import SCH004 from './common/SCH004-required-field';
import SCH005 from './common/SCH005-value-constraint';
import NP110 from './networkpolicy/NP110-invalid-cidr';

export const RULES: readonly Rule[] = [
  YAML001,
  YAML002,
  API001,
  API002,
  SCH001,
  SCH002,
  SCH003,
  SCH004,
  SCH005,
  NP110,
];

const BY_CODE = new Map(RULES.map((rule) => [rule.code, rule]));

export function ruleByCode(code: string): Rule | undefined {
  return BY_CODE.get(code);
}

/** Where a rule's section lives in the generated rules page; used for `codeDescription` links. */
export const RULES_DOC_URL = 'https://github.com/eks-networking/eks-networking/blob/main/docs/rules.md';

export function ruleDocsUrl(rule: Rule): string {
  return `${RULES_DOC_URL}#${rule.code.toLowerCase()}-${rule.slug}`;
}
