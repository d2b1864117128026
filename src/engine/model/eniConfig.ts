// What an ENIConfig gives the pods of the nodes that use it: the subnet their addresses come from
// and the security groups of their network interfaces (the node's primary interface groups when
// none are listed). Its rules (ENI1xx/2xx) and Explain read this.

import { asList, isRecord } from '../util/values';

export interface EniConfigModel {
  name?: string;
  /** Written, though the API server drops it: ENIConfig is cluster-scoped. */
  namespace?: string;
  spec: 'absent' | 'written';
  /** `spec.subnet` as written. */
  subnet: unknown;
  /** `spec.securityGroups` as written; empty when not set. */
  securityGroups: readonly unknown[];
}

export function readEniConfig(value: Record<string, unknown>): EniConfigModel {
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const spec = isRecord(value.spec) ? value.spec : {};
  return {
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    spec: value.spec === undefined ? 'absent' : 'written',
    subnet: spec.subnet,
    securityGroups: asList(spec.securityGroups),
  };
}
