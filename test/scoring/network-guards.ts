import type { AddressInfo } from 'node:net';
import net from 'node:net';

/**
 * A TCP proxy in front of a fixture server that counts the connections reaching it: a crawl through
 * it is visible, and so would be any request a rescoring made to the portal.
 */
export async function countingProxy(target: { host: string; port: number }): Promise<{
  origin: string;
  connections: () => number;
  close: () => Promise<void>;
}> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    connections++;
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;

/**
 * Records every outgoing network connection this process attempts (HTTP, HTTPS, fetch, Redis… all end
 * in net.Socket#connect) until `restore` is called. Unix-domain sockets are local IPC and not counted.
 */
export function recordConnections(): { attempts: unknown[]; restore: () => void } {
  const proto = net.Socket.prototype as unknown as { connect: Connect };
  const original = proto.connect;
  const attempts: unknown[] = [];
  proto.connect = function (this: net.Socket, ...args: unknown[]) {
    const first: unknown = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (!isPipe(first)) attempts.push(first);
    return original.apply(this, args);
  };
  return {
    attempts,
    restore: () => {
      proto.connect = original;
    },
  };
}

function isPipe(options: unknown): boolean {
  if (typeof options === 'string') return Number.isNaN(Number(options));
  return typeof options === 'object' && options !== null && 'path' in options;
}
