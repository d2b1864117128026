// One failing request must not cost the user more than that request. The JSON-RPC layer already
// answers a handler's exception with an error response, but says nothing in the output channel;
// this wraps every request handler the features register so the exception is logged with its
// stack (where a bug report can copy it from) and answered with an error naming the request.

import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

/** The `Connection` methods that register request handlers, with the LSP method each one serves. */
const REQUEST_REGISTRARS = new Map([
  ['onRequest', ''],
  ['onHover', 'textDocument/hover'],
  ['onCompletion', 'textDocument/completion'],
  ['onCompletionResolve', 'completionItem/resolve'],
  ['onCodeAction', 'textDocument/codeAction'],
  ['onCodeActionResolve', 'codeAction/resolve'],
  ['onCodeLens', 'textDocument/codeLens'],
  ['onCodeLensResolve', 'codeLens/resolve'],
  ['onDocumentSymbol', 'textDocument/documentSymbol'],
  ['onDefinition', 'textDocument/definition'],
  ['onReferences', 'textDocument/references'],
  ['onExecuteCommand', 'workspace/executeCommand'],
  ['onFoldingRanges', 'textDocument/foldingRange'],
  ['onDocumentFormatting', 'textDocument/formatting'],
  ['onDocumentLinks', 'textDocument/documentLink'],
]);
// (Notification handlers need no guard: the RPC layer logs their exceptions itself.)

/** The connection the features use: the same connection, with request handlers guarded. */
export function guardRequests(connection: Connection): Connection {
  return new Proxy(connection, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !REQUEST_REGISTRARS.has(property) || typeof value !== 'function') {
        return value;
      }
      return (...args: unknown[]) => {
        // `onRequest(method or type, handler)` names its method; the others are named by the table.
        const first = args[0] as string | { method?: string } | undefined;
        const name =
          REQUEST_REGISTRARS.get(property) ||
          (typeof first === 'string' ? first : (typeof first === 'object' && first?.method) || property);
        const guarded = args.map((arg) =>
          typeof arg === 'function' ? guardHandler(target, name, arg as (...a: unknown[]) => unknown) : arg,
        );
        return (value as (...a: unknown[]) => unknown).apply(target, guarded);
      };
    },
  });
}

function guardHandler(
  connection: Connection,
  name: string,
  handler: (...args: unknown[]) => unknown,
): (...args: unknown[]) => unknown {
  const fail = (error: unknown): never => {
    // A ResponseError is a deliberate answer (such as a cancelled request), not a bug.
    if (error instanceof ResponseError) throw error;
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    connection.console.error(`Request ${name} failed: ${detail}`);
    const message = error instanceof Error ? error.message : String(error);
    throw new ResponseError(
      ErrorCodes.InternalError,
      `EKS Networking: ${name} failed (${message}); the details are in the EKS Networking output channel.`,
    );
  };
  return (...args: unknown[]) => {
    try {
      const result = handler(...args);
      return result instanceof Promise ? result.catch(fail) : result;
    } catch (error) {
      return fail(error);
    }
  };
}
