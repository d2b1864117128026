// An HTTP CONNECT proxy on 127.0.0.1 that wants a user name and password, so a kubeconfig can carry
// a real `proxy-url: http://user:password@…` (a credential kubectl does not redact) and still work.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export class TestProxy {
  /** CONNECT requests that were let through, as host:port. */
  readonly tunnels: string[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly user: string,
    private readonly password: string,
  ) {}

  static async start(user: string, password: string): Promise<TestProxy> {
    const server = createServer((_request, response) => {
      response.writeHead(405).end('only CONNECT');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new TestProxy(server, (server.address() as AddressInfo).port, user, password);
    server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) =>
      proxy.tunnel(request, client, head),
    );
    return proxy;
  }

  /** The proxy-url for a kubeconfig, with the credentials in it. */
  get url(): string {
    return `http://${encodeURIComponent(this.user)}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}`;
  }

  private tunnel(request: IncomingMessage, client: Socket, head: Buffer): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => undefined);
    const expected = `Basic ${Buffer.from(`${this.user}:${this.password}`).toString('base64')}`;
    if (request.headers['proxy-authorization'] !== expected) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
      return;
    }
    const [host, port] = (request.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      this.tunnels.push(request.url ?? '');
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
