// Checks on every value that becomes part of a kubectl or aws command line. Values are always passed
// as separate argv entries (never through a shell), so these checks only reject what could change
// the meaning of an argument: control characters, and syntax inside composite values like EC2 filters.

import { ClusterError } from './errors';

function hasControlCharacters(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x1f\x7f]/.test(value);
}

/** Free-form values (context names, file paths, profiles): anything printable. */
export function checkPrintable(value: string, what: string, where: string): string {
  if (hasControlCharacters(value)) {
    throw new ClusterError(
      'invalid-input',
      `The ${what} contains a line break or control character; fix ${where}.`,
    );
  }
  return value;
}

/** Kubernetes object names (DNS-1123 subdomain). */
export function checkObjectName(value: string, what: string): string {
  if (!/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(value)) {
    throw new ClusterError(
      'invalid-input',
      `${what} "${printable(value)}" is not a valid Kubernetes name (lowercase letters, digits, "-" and ".").`,
    );
  }
  return value;
}

/** EKS cluster names: letters, digits, "-" and "_", starting with a letter or digit, up to 100 characters. */
export function checkClusterName(value: string, where: string): string {
  if (!/^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(value)) {
    throw new ClusterError(
      'invalid-input',
      `Cluster name "${printable(value)}" is not a valid EKS cluster name (letters, digits, "-" and "_"); fix ${where}.`,
    );
  }
  return value;
}

export function checkRegion(value: string, where: string): string {
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(value)) {
    throw new ClusterError(
      'invalid-input',
      `AWS region "${printable(value)}" is not a region name like us-west-2; fix ${where}.`,
    );
  }
  return value;
}

/** Environment variable names and values written into aws-node. */
export function checkEnvEntry(name: string, value: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || hasControlCharacters(value)) {
    throw new ClusterError(
      'invalid-input',
      `Refusing to set "${printable(name)}": not a valid environment variable name or value.`,
    );
  }
}

/** A value safe to quote in an error message. */
export function printable(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
