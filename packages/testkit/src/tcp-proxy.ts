import { connect, createServer, type Server, type Socket } from 'node:net';

interface PendingCut {
  pattern: string | RegExp;
  done: () => void;
}

/**
 * A TCP proxy in front of a service that a test can cut (close every connection and refuse new ones)
 * and restore, without touching the shared service behind it — or cut one connection at the moment a
 * given request has passed (cutAfterRequest), to lose exactly the answer to it.
 */
export class TcpProxy {
  private sockets = new Set<Socket>();
  private cut = false;
  private pendingCut: PendingCut | undefined;
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const server = createServer((client) => {
      if (!proxy || proxy.cut) return client.destroy();
      const upstream = connect(targetPort, targetHost);
      for (const s of [client, upstream]) {
        proxy.sockets.add(s);
        s.on('close', () => proxy?.sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.on('data', (chunk: Buffer) => proxy?.inspect(chunk, client, upstream));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address !== 'object') throw new Error('proxy has no port');
    proxy = new TcpProxy(server, address.port);
    return proxy;
  }

  /**
   * Arms a one-time cut: when a client→server chunk matching `pattern` (a string or RegExp over the
   * chunk as latin1) has been passed on, the server's answer on that connection is dropped, and when it
   * arrives both sides are closed. The server has then received and answered the request; the client
   * never learns the answer. Resolves once the connection was cut.
   */
  cutAfterRequest(pattern: string | RegExp): Promise<void> {
    return new Promise((done) => {
      this.pendingCut = { pattern, done };
    });
  }

  private inspect(chunk: Buffer, client: Socket, upstream: Socket): void {
    const pending = this.pendingCut;
    if (!pending) return;
    const text = chunk.toString('latin1');
    const hit =
      typeof pending.pattern === 'string' ? text.includes(pending.pattern) : pending.pattern.test(text);
    if (!hit) return;
    this.pendingCut = undefined;
    // The pipe's own 'data' listener came first, so this chunk is already on its way to the server.
    upstream.unpipe(client);
    upstream.once('data', () => {
      client.destroy();
      upstream.destroy();
      pending.done();
    });
    // unpipe() paused the stream when its last destination went; the listener alone does not resume it.
    upstream.resume();
  }

  cutConnections(): void {
    this.cut = true;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.cut = false;
  }

  async close(): Promise<void> {
    this.cutConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
