// VPC Lattice's naming rules for service networks and services: a Gateway's name is the service
// network it stands for, and each route becomes a service named after it (or its override).

/** A service network id, which a Gateway may be named after instead of the network's name. */
export const SERVICE_NETWORK_ID = /^sn-[0-9a-f]{17}$/;

/**
 * Why Lattice would refuse `name` as a service network name (CreateServiceNetwork): 3 to 63
 * characters of `a-z`, `0-9` and `-`, no hyphen first, last or doubled, not `servicenetwork-…`.
 * Empty when it is a valid name or a service network id.
 */
export function serviceNetworkNameProblems(name: string): string[] {
  if (SERVICE_NETWORK_ID.test(name)) return [];
  const problems: string[] = [];
  if (name.length < 3 || name.length > 63) problems.push('must be 3 to 63 characters long');
  if (/[^a-z0-9-]/.test(name)) problems.push('may only contain lower-case letters, digits and hyphens');
  if (name.startsWith('-') || name.endsWith('-')) problems.push('must not start or end with a hyphen');
  if (name.includes('--')) problems.push('must not contain two hyphens in a row');
  if (name.startsWith('servicenetwork-')) problems.push('must not start with "servicenetwork-"');
  return problems;
}

/**
 * The controller's own checks of a Lattice service name (`ValidateVPCLatticeServiceName`), in its
 * words and order; the first that fails is the one it reports. Lattice's CreateService has the
 * same rules.
 */
export function serviceNameProblem(name: string): string | undefined {
  if (name.length < 3) return 'service name must be at least 3 characters long';
  if (name.length > 40) return 'service name cannot exceed 40 characters';
  if (/[^a-z0-9-]/.test(name))
    return 'service name must contain only lowercase letters, numbers, and hyphens';
  if (name.startsWith('svc-')) return "service name cannot start with 'svc-'";
  if (name.startsWith('-')) return 'service name cannot start with a hyphen';
  if (name.endsWith('-')) return 'service name cannot end with a hyphen';
  if (name.includes('--')) return 'service name cannot contain double hyphens';
  return undefined;
}
