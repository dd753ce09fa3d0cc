import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  embeddableMicrofrontends,
  embedElementName,
  microfrontendUrl,
  type MicrofrontendEntry,
} from '@dash/manifest';
import type { AssetUrl } from './page.js';

const require = createRequire(import.meta.url);

/** Where the embedding script's build is (@dash/embed). */
export const EMBED_SCRIPT_FILE = require.resolve('@dash/embed/embed.js');

/**
 * The embedding script as served at /embed.js: its build, handed the versioned URLs of what it
 * loads — the shared library, single-spa and each embeddable micro-frontend by component — so a
 * platform's page names one stable URL and always gets the current build.
 */
export function renderEmbedScript(
  microfrontends: readonly MicrofrontendEntry[],
  url: AssetUrl,
): string {
  const components = Object.fromEntries(
    Object.entries(embeddableMicrofrontends(microfrontends)).map(([component, entry]) => [
      component,
      { element: embedElementName(component), module: url(microfrontendUrl(entry)) },
    ]),
  );
  const assets = {
    webKit: url('/vendor/web-kit.js'),
    webKitCss: url('/vendor/web-kit.css'),
    singleSpa: url('/vendor/single-spa.js'),
    components,
  };
  const script = readFileSync(EMBED_SCRIPT_FILE, 'utf8');
  return `(function (__dashEmbedAssets) {\n${script}\n})(${JSON.stringify(assets)});\n`;
}
