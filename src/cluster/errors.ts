// Errors the cluster actions show to people: one sentence that says what is wrong and what to do.

export type ClusterErrorCode =
  | 'invalid-input'
  | 'tool-not-found'
  | 'no-context'
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'timeout'
  | 'cancelled'
  | 'no-aws-node'
  | 'cni-too-old'
  | 'missing-resource-type'
  | 'aws-not-signed-in'
  | 'aws-forbidden'
  | 'no-cluster-name'
  | 'not-found'
  | 'incompatible'
  | 'conflict'
  /** The context now points at another API server than when the plan was made. */
  | 'target-changed'
  /** kubectl was stopped after a change started; the message says what the cluster shows now. */
  | 'interrupted'
  | 'command-failed';

export class ClusterError extends Error {
  constructor(
    readonly code: ClusterErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClusterError';
  }
}

export function isClusterError(error: unknown, code?: ClusterErrorCode): error is ClusterError {
  return error instanceof ClusterError && (code === undefined || error.code === code);
}
