// The language server survives a failing request: the exception is logged to the client's output
// channel with its stack, the request is answered with an error, and the next requests (and the
// diagnostics of later edits) work as before. The failure is real: requests with malformed params
// make each handler throw on its first line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogMessageParams } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';

const URI = 'file:///work/robust/policy.yaml';
const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
  - ports:
    - protocol: tcp
      port: 80
`;

const ERROR_TYPE = 1;
const INTERNAL_ERROR = -32603;

/** Each request with params its handler cannot read, and a well-formed twin to send afterwards. */
const REQUESTS: Array<{ method: string; malformed: unknown; valid: unknown }> = [
  {
    method: 'textDocument/hover',
    malformed: { textDocument: null, position: { line: 0, character: 0 } },
    valid: { textDocument: { uri: URI }, position: { line: 1, character: 2 } },
  },
  {
    method: 'textDocument/completion',
    malformed: { textDocument: null, position: { line: 0, character: 0 } },
    valid: { textDocument: { uri: URI }, position: { line: 11, character: 16 } },
  },
  {
    method: 'textDocument/documentSymbol',
    malformed: { textDocument: null },
    valid: { textDocument: { uri: URI } },
  },
  {
    method: 'textDocument/codeAction',
    malformed: { textDocument: { uri: URI }, range: null, context: null },
    valid: {
      textDocument: { uri: URI },
      range: { start: { line: 11, character: 0 }, end: { line: 11, character: 20 } },
      context: { diagnostics: [] },
    },
  },
  {
    method: 'textDocument/codeLens',
    malformed: { textDocument: null },
    valid: { textDocument: { uri: URI } },
  },
  {
    method: 'eksNetworking/explain',
    malformed: null,
    valid: { uri: URI },
  },
];

class LogRecorder {
  readonly messages: LogMessageParams[] = [];
  private waiters: Array<() => void> = [];

  constructor(client: LspTestClient) {
    client.connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      this.messages.push(params);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  waitFor(accept: (message: LogMessageParams) => boolean, timeoutMs = 10_000): Promise<LogMessageParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching log message; got ${JSON.stringify(this.messages)}`)),
        timeoutMs,
      );
      const check = (): void => {
        const found = this.messages.find(accept);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }
}

test('a request that throws is logged with its stack and answered with an error; the next request works', async () => {
  const client = new LspTestClient();
  const log = new LogRecorder(client);
  try {
    await client.initialize();
    await client.open(URI, POLICY);
    await client.waitForDiagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'SCH003'));

    for (const { method, malformed, valid } of REQUESTS) {
      await assert.rejects(
        client.request(method, malformed),
        (error: { code?: number; message?: string }) => {
          assert.equal(error.code, INTERNAL_ERROR, `${method}: ${JSON.stringify(error)}`);
          assert.match(error.message ?? '', new RegExp(`${method} failed .*output channel`));
          return true;
        },
        `${method} with malformed params should be answered with an error`,
      );
      const logged = await log.waitFor(
        (m) => m.type === ERROR_TYPE && m.message.startsWith(`Request ${method} failed`),
      );
      assert.match(logged.message, /TypeError/, `${method}: the log names the exception`);
      assert.match(logged.message, /\n\s+at /, `${method}: the log has the stack`);

      const answer = await client.request(method, valid);
      assert.notEqual(answer, undefined, `${method} answers after a failure`);
    }

    // Hover still describes the document, and an edit still gets fresh diagnostics.
    const hover = await client.request<{ contents: { value: string } } | null>(
      'textDocument/hover',
      REQUESTS[0].valid,
    );
    assert.ok(hover && hover.contents.value.length > 0, 'hover answers with content');
    const version = await client.change(URI, [
      { range: { start: { line: 11, character: 16 }, end: { line: 11, character: 19 } }, text: 'TCP' },
    ]);
    const after = await client.waitForVersion(URI, version);
    assert.equal(
      after.some((d) => d.code === 'SCH003'),
      false,
    );
    assert.equal(client.process.exitCode, null, 'the server process is still running');
  } finally {
    await client.shutdown();
  }
});

test('an unknown request is answered with "method not found" and the server keeps serving', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    await assert.rejects(client.request('eksNetworking/noSuchRequest', {}), (error: { code?: number }) => {
      assert.equal(error.code, -32601);
      return true;
    });
    await client.open(URI, POLICY);
    const diagnostics = await client.waitForDiagnostics(URI);
    assert.ok(diagnostics.some((d) => d.code === 'SCH003'));
  } finally {
    await client.shutdown();
  }
});
