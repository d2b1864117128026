// EC2 resource ID formats: a prefix, a dash and 8 (older resources) or 17 lower-case hex digits.

import { renderValue } from './strings';

export type AwsIdPrefix = 'sg' | 'subnet';

export function isAwsId(value: string, prefix: AwsIdPrefix): boolean {
  return new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(value);
}

/** What an ID of that kind looks like, in words: `"sg-" followed by 8 or 17 lower-case hexadecimal digits`. */
export function awsIdFormat(prefix: AwsIdPrefix): string {
  return `"${prefix}-" followed by 8 or 17 lower-case hexadecimal digits`;
}

export function awsIdExample(prefix: AwsIdPrefix): string {
  return `${prefix}-0123456789abcdef0`;
}

/** Why `value` is not an ID of that kind, in words a user can act on. */
export function describeBadAwsId(value: string, prefix: AwsIdPrefix): string {
  const expected = `${awsIdFormat(prefix)} (e.g. ${awsIdExample(prefix)})`;
  const lower = value.toLowerCase();
  if (isAwsId(lower, prefix)) {
    return `must be written in lower case (${renderValue(lower)}): the API server accepts it, but EC2 rejects it when the AWS controller uses it`;
  }
  if (!value.startsWith(`${prefix}-`)) return `must be ${expected}`;
  const rest = value.slice(prefix.length + 1);
  if (!/^[0-9a-f]*$/.test(rest)) {
    const bad = [...new Set(rest.replace(/[0-9a-f]/g, ''))].join('');
    return `contains characters that are not hexadecimal digits (${renderValue(bad)}); must be ${expected}`;
  }
  return `has ${rest.length} hexadecimal digits; must be ${expected}`;
}
