import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a server, which the test can cut (every open connection dropped, new
 * ones refused) and restore, as a network fault between two parts would.
 */
export interface TcpProxy {
  port: number;
  /** Drops every open connection and refuses new ones (the far side is down). */
  cut(): Promise<void>;
  /** Drops every open connection; new ones are accepted but nothing ever answers (a black hole). */
  stall(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  let stalled = false;
  const onConnection = (client: Socket) => {
    track(client);
    if (stalled) return;
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  let server: Server | undefined;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const next = createServer(onConnection);
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        server = next;
        resolve((next.address() as { port: number }).port);
      });
    });
  const shut = async () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise((resolve) => closing.close(resolve));
  };
  const port = await listen(0);
  return {
    port,
    cut: shut,
    async stall() {
      stalled = true;
      for (const socket of sockets) socket.destroy();
    },
    async restore() {
      stalled = false;
      for (const socket of sockets) socket.destroy();
      if (!server) await listen(port);
    },
    close: shut,
  };
}
