// What the client's commands need of the language server: its custom requests (src/shared/protocol.ts).

/** Sends one request to the language server, once it has started. */
export interface ServerRequests {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}
