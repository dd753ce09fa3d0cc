import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createShellServer } from '../src/server/index.js';

/**
 * A shell on a free port in front of `upstream`, a stand-in gateway the test writes; `stop()`
 * closes both.
 */
export async function startShellBefore(upstream: http.Server) {
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as AddressInfo;
  const shell = createShellServer({
    host: '127.0.0.1',
    port: 0,
    gatewayUrl: `http://127.0.0.1:${port}/graphql`,
  });
  const { url } = await shell.start();
  return {
    base: url,
    async stop() {
      await shell.stop();
      await new Promise((resolve) => upstream.close(resolve));
    },
  };
}
