import { createServer, type Server, type Socket, connect } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that can make chosen connections go silent: bytes stop flowing both ways,
 * but neither side sees an error or a close — a dropped network path. A connection is chosen by a text in its
 * start-up message (PostgreSQL sends `application_name` there in clear).
 */
export interface FreezableProxy {
  url(databaseUrl: string): string;
  /** Silences every open connection whose start-up message contains `marker`; later ones flow. */
  freeze(marker: string): number;
  close(): Promise<void>;
}

export async function freezableProxy(target: { host: string; port: number }): Promise<FreezableProxy> {
  const connections = new Set<{ client: Socket; server: Socket; startup: string; frozen: boolean }>();
  const proxy: Server = createServer((client) => {
    const server = connect(target.port, target.host);
    const entry = { client, server, startup: '', frozen: false };
    connections.add(entry);
    client.on('data', (chunk) => {
      if (entry.startup.length < 1024) entry.startup += chunk.toString('latin1');
      if (!entry.frozen) server.write(chunk);
    });
    server.on('data', (chunk) => {
      if (!entry.frozen) client.write(chunk);
    });
    const drop = () => {
      connections.delete(entry);
      client.destroy();
      server.destroy();
    };
    client.on('close', drop).on('error', drop);
    server.on('close', drop).on('error', drop);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as { port: number }).port;
  return {
    url(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    freeze(marker) {
      let count = 0;
      for (const entry of connections)
        if (entry.startup.includes(marker)) {
          entry.frozen = true;
          count++;
        }
      return count;
    },
    close: () =>
      new Promise((resolve) => {
        for (const entry of connections) {
          entry.client.destroy();
          entry.server.destroy();
        }
        proxy.close(() => resolve());
      }),
  };
}
