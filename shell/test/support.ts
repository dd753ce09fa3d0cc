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

/** The import map a page declares: bare specifier → URL. */
export function importMapOf(html: string): Record<string, string> {
  const json = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error('The page has no import map');
  return (JSON.parse(json) as { imports: Record<string, string> }).imports;
}

/** The URLs of the page's own `<script src>`, `<link rel="modulepreload">` and stylesheets. */
export function linkedUrls(
  html: string,
  kind: 'script' | 'modulepreload' | 'stylesheet',
): string[] {
  const pattern =
    kind === 'script'
      ? /<script type="module" src="([^"]+)"/g
      : new RegExp(`<link rel="${kind}" href="([^"]+)"`, 'g');
  return [...html.matchAll(pattern)].map((match) => match[1]!);
}
