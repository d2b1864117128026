// A small Kubernetes API server for the cluster tests: HTTPS on 127.0.0.1 with a throw-away
// certificate, bearer-token auth, legacy discovery, OpenAPI v3 for apply/diff, in-memory objects,
// strategic-merge PATCH, server-side dry run, and failures a test can inject.

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, parseResourcePath, readBody, validate, verbOf } from './http';
import type { AddressInfo } from 'node:net';
import { createCertificates, type TestCertificates } from './certs';
import { jsonMergePatch, strategicMergePatch, type Json, type JsonObject } from './merge';
import {
  discoveryDocument,
  findTypeByKind,
  groupVersion,
  openApiDocument,
  type ResourceType,
} from './resources';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType?: string;
  body?: string;
  authorization?: string;
}

export interface InjectedFailure {
  method?: string;
  /** Substring of the request path (without query) the failure applies to. */
  path?: string;
  /** Status to answer with; omitted with `delayMs` means a slow but otherwise normal answer. */
  status?: number;
  message?: string;
  /** Hold the answer this long (a test's kubectl timeout should fire first). */
  delayMs?: number;
  /**
   * Handle the request normally (a PATCH is applied) but hold the answer this long: the change is
   * live while the client still waits, as when a response is lost on the way back.
   */
  holdAnswerMs?: number;
  /** How many requests it applies to; unlimited when omitted. */
  times?: number;
}

interface Forbidden {
  verb: string;
  plural: string;
}

export class TestApiServer {
  readonly requests: RecordedRequest[] = [];
  private readonly objects = new Map<string, JsonObject>();
  private failures: InjectedFailure[] = [];
  private forbidden: Forbidden[] = [];
  private resourceVersion = 1000;
  private readonly pending = new Set<ServerResponse>();
  private readonly waiters: Array<{ matches: (r: RecordedRequest) => boolean; resolve: () => void }> = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly certificates: TestCertificates,
    readonly token: string,
  ) {}

  /** Pass another server's token and certificates to get a second cluster the same credentials reach. */
  static async start(
    options: { token?: string; certificates?: TestCertificates } = {},
  ): Promise<TestApiServer> {
    const token = options.token ?? `test-token-${randomUUID()}`;
    const certificates = options.certificates ?? createCertificates();
    const server = createServer({ key: certificates.serverKey, cert: certificates.serverCert });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const instance = new TestApiServer(server, `https://127.0.0.1:${port}`, certificates, token);
    server.on('request', (request: IncomingMessage, response: ServerResponse) =>
      instance.handle(request, response),
    );
    return instance;
  }

  async stop(): Promise<void> {
    for (const response of this.pending) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- state a test sets up and inspects ----

  put(object: JsonObject): void {
    const metadata = (object.metadata ?? {}) as JsonObject;
    const stored: JsonObject = structuredClone(object);
    stored.metadata = {
      uid: randomUUID(),
      creationTimestamp: '2026-01-01T00:00:00Z',
      generation: 1,
      ...metadata,
      resourceVersion: String(++this.resourceVersion),
    };
    this.objects.set(this.keyOf(stored), stored);
  }

  get(apiVersion: string, kind: string, name: string, namespace?: string): JsonObject | undefined {
    const found = this.objects.get(`${apiVersion}|${kind}|${namespace ?? ''}|${name}`);
    return found ? structuredClone(found) : undefined;
  }

  remove(apiVersion: string, kind: string, name: string, namespace?: string): void {
    this.objects.delete(`${apiVersion}|${kind}|${namespace ?? ''}|${name}`);
  }

  injectFailure(failure: InjectedFailure): void {
    this.failures.push({ ...failure });
  }

  forbid(verb: string, plural: string): void {
    this.forbidden.push({ verb, plural });
  }

  clearFailures(): void {
    this.failures = [];
    this.forbidden = [];
  }

  /** Resolves when a request matching `matches` arrives (or has arrived since `since`). */
  whenRequest(matches: (request: RecordedRequest) => boolean, since = this.requests.length): Promise<void> {
    if (this.requests.slice(since).some(matches)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ matches, resolve }));
  }

  /** Requests that could change state (anything but GET), dry runs included. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private keyOf(object: JsonObject): string {
    const metadata = object.metadata as JsonObject;
    const type = findTypeByKind(String(object.apiVersion), String(object.kind));
    const namespace = type?.namespaced ? String(metadata.namespace ?? 'default') : '';
    return `${String(object.apiVersion)}|${String(object.kind)}|${namespace}|${String(metadata.name)}`;
  }

  // ---- HTTP ----

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    const body = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      contentType: request.headers['content-type'],
      body: body || undefined,
      authorization: request.headers.authorization,
    };
    this.requests.push(recorded);
    for (const waiter of [...this.waiters]) {
      if (!waiter.matches(recorded)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }

    if (request.headers.authorization !== `Bearer ${this.token}`) {
      return this.status(response, 401, 'Unauthorized', 'Unauthorized');
    }
    const failure = this.takeFailure(recorded);
    if (failure?.delayMs) {
      this.pending.add(response);
      // unref: a held answer must not keep the test process alive after stop().
      await new Promise((resolve) => setTimeout(resolve, failure.delayMs).unref());
      this.pending.delete(response);
      if (response.destroyed) return;
    }
    if (failure?.status) {
      const reason =
        failure.status === 403 ? 'Forbidden' : failure.status === 404 ? 'NotFound' : 'InternalError';
      return this.status(
        response,
        failure.status,
        reason,
        failure.message ??
          'an error on the server ("injected failure") has prevented the request from succeeding',
      );
    }
    if (failure?.holdAnswerMs) this.holdAnswer(response, failure.holdAnswerMs);
    try {
      this.route(recorded, response);
    } catch (error) {
      this.status(response, 500, 'InternalError', (error as Error).message);
    }
  }

  /** Delays what route() writes; the headers go out with the body, so the client sees nothing until then. */
  private holdAnswer(response: ServerResponse, ms: number): void {
    const end = response.end.bind(response) as (body?: string) => ServerResponse;
    this.pending.add(response);
    response.end = ((body?: string) => {
      setTimeout(() => {
        this.pending.delete(response);
        if (!response.destroyed) end(body);
      }, ms).unref();
      return response;
    }) as typeof response.end;
  }

  private takeFailure(request: RecordedRequest): InjectedFailure | undefined {
    const failure = this.failures.find(
      (f) =>
        (!f.method || f.method === request.method) &&
        (!f.path || request.path.includes(f.path)) &&
        f.times !== 0,
    );
    if (failure && failure.times !== undefined) failure.times--;
    return failure;
  }

  private route(request: RecordedRequest, response: ServerResponse): void {
    const { path } = request;
    if (path === '/version') {
      return json(response, 200, {
        major: '1',
        minor: '32',
        gitVersion: 'v1.32.3-eks-test',
        gitCommit: '0000000000000000000000000000000000000000',
        gitTreeState: 'clean',
        buildDate: '2026-01-01T00:00:00Z',
        goVersion: 'go1.23.0',
        compiler: 'gc',
        platform: 'linux/amd64',
      });
    }
    const document = discoveryDocument(path) ?? openApiDocument(path);
    if (document) return json(response, 200, document);

    const target = parseResourcePath(path);
    if (!target)
      return this.status(response, 404, 'NotFound', 'the server could not find the requested resource');
    const { type, namespace, name } = target;
    const verb = verbOf(request.method, name);
    if (this.forbidden.some((f) => f.verb === verb && f.plural === type.plural)) {
      const resource = type.group ? `${type.plural}.${type.group}` : type.plural;
      const where = namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope';
      return this.status(
        response,
        403,
        'Forbidden',
        `${resource}${name ? ` "${name}"` : ''} is forbidden: User "test-user" cannot ${verb} resource "${type.plural}" in API group "${type.group}"${where}`,
      );
    }
    const dryRun = request.query.get('dryRun') === 'All';
    switch (verb) {
      case 'list':
        return json(response, 200, this.list(type, namespace));
      case 'get': {
        const found = this.find(type, namespace, name!);
        return found ? json(response, 200, found) : this.notFound(response, type, name!);
      }
      case 'create':
        return this.create(response, type, namespace, request.body ?? '{}', dryRun);
      case 'patch':
        return this.patch(response, type, namespace, name!, request, dryRun);
      case 'update':
        return this.update(response, type, namespace, name!, request.body ?? '{}', dryRun);
      default:
        return this.status(
          response,
          405,
          'MethodNotAllowed',
          `${request.method} is not supported by the test API server`,
        );
    }
  }

  private list(type: ResourceType, namespace: string | undefined): JsonObject {
    const items = [...this.objects.values()].filter((object) => {
      if (object.apiVersion !== groupVersion(type) || object.kind !== type.kind) return false;
      return !namespace || (object.metadata as JsonObject).namespace === namespace;
    });
    return {
      apiVersion: groupVersion(type),
      kind: `${type.kind}List`,
      metadata: { resourceVersion: String(this.resourceVersion) },
      items: items.map((item) => structuredClone(item)),
    };
  }

  private find(type: ResourceType, namespace: string | undefined, name: string): JsonObject | undefined {
    return this.get(groupVersion(type), type.kind, name, type.namespaced ? namespace : undefined);
  }

  private create(
    response: ServerResponse,
    type: ResourceType,
    namespace: string | undefined,
    body: string,
    dryRun: boolean,
  ): void {
    const object = JSON.parse(body) as JsonObject;
    const metadata = (object.metadata ?? {}) as JsonObject;
    if (type.namespaced) metadata.namespace = namespace ?? 'default';
    object.metadata = metadata;
    if (this.find(type, namespace, String(metadata.name))) {
      return this.status(
        response,
        409,
        'AlreadyExists',
        `${type.plural} "${String(metadata.name)}" already exists`,
      );
    }
    const invalid = validate(object);
    if (invalid) return this.invalid(response, type, String(metadata.name), invalid);
    if (!dryRun) this.put(object);
    return json(response, 201, dryRun ? object : this.find(type, namespace, String(metadata.name)));
  }

  private patch(
    response: ServerResponse,
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    request: RecordedRequest,
    dryRun: boolean,
  ): void {
    const current = this.find(type, namespace, name);
    if (!current) return this.notFound(response, type, name);
    const patch = JSON.parse(request.body ?? '{}') as Json;
    const strategic = (request.contentType ?? '').startsWith('application/strategic-merge-patch+json');
    if (!strategic && !(request.contentType ?? '').startsWith('application/merge-patch+json')) {
      return this.status(
        response,
        415,
        'UnsupportedMediaType',
        `the test API server does not accept ${request.contentType}`,
      );
    }
    const merged = (
      strategic ? strategicMergePatch(current, patch) : jsonMergePatch(current, patch)
    ) as JsonObject;
    const invalid = validate(merged);
    if (invalid) return this.invalid(response, type, name, invalid);
    if (dryRun) return json(response, 200, merged);
    this.store(merged, current);
    return json(response, 200, this.find(type, namespace, name));
  }

  private update(
    response: ServerResponse,
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: string,
    dryRun: boolean,
  ): void {
    const current = this.find(type, namespace, name);
    if (!current) return this.notFound(response, type, name);
    const replacement = JSON.parse(body) as JsonObject;
    const invalid = validate(replacement);
    if (invalid) return this.invalid(response, type, name, invalid);
    if (dryRun) return json(response, 200, replacement);
    this.store(replacement, current);
    return json(response, 200, this.find(type, namespace, name));
  }

  private store(next: JsonObject, previous: JsonObject): void {
    const metadata = { ...(next.metadata as JsonObject) };
    const previousMetadata = previous.metadata as JsonObject;
    metadata.uid = previousMetadata.uid;
    metadata.creationTimestamp = previousMetadata.creationTimestamp;
    const specChanged = JSON.stringify(next.spec) !== JSON.stringify(previous.spec);
    metadata.generation = Number(previousMetadata.generation ?? 1) + (specChanged ? 1 : 0);
    metadata.resourceVersion = String(++this.resourceVersion);
    this.objects.set(this.keyOf(next), { ...next, metadata });
  }

  private notFound(response: ServerResponse, type: ResourceType, name: string): void {
    const resource = type.group ? `${type.plural}.${type.group}` : type.plural;
    this.status(response, 404, 'NotFound', `${resource} "${name}" not found`, {
      name,
      group: type.group,
      kind: type.plural,
    });
  }

  private invalid(response: ServerResponse, type: ResourceType, name: string, problem: string): void {
    const group = type.group ? `.${type.group}` : '';
    const [field, ...rest] = problem.split(': ');
    const causes = [{ reason: 'FieldValueNotSupported', field, message: rest.join(': ') }];
    this.status(response, 422, 'Invalid', `${type.kind}${group} "${name}" is invalid: ${problem}`, {
      name,
      group: type.group,
      kind: type.kind,
      causes,
    });
  }

  private status(
    response: ServerResponse,
    code: number,
    reason: string,
    message: string,
    details?: JsonObject,
  ): void {
    json(response, code, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      code,
      ...(details ? { details } : {}),
    });
  }
}
