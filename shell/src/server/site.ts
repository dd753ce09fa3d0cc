import { watch, type FSWatcher } from 'node:fs';
import type { MicrofrontendEntry } from '@dash/manifest';
import { PAGE_TEMPLATE, staticAssets, type StaticAssets } from './assets.js';
import { renderPage } from './page.js';
import { renderEmbedScript } from './embed-script.js';

/** The page, the embedding script and the files they name, as read from the builds at one moment. */
export interface Site {
  page: string;
  embedScript: string;
  assets: StaticAssets;
}

export function readSite(microfrontends: readonly MicrofrontendEntry[]): Site {
  const assets = staticAssets(microfrontends);
  return {
    page: renderPage(PAGE_TEMPLATE, microfrontends, assets.url),
    embedScript: renderEmbedScript(microfrontends, assets.url),
    assets,
  };
}

/** A build writes several files; read them once it has finished. */
const SETTLE_MS = 200;

/**
 * Calls `changed` once the build folders have been quiet for a moment after a change (in
 * development, where the builds change under a running shell). Returns the function that stops.
 */
export function watchBuilds(folders: readonly string[], changed: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(changed, SETTLE_MS);
  };
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    try {
      watchers.push(watch(folder, settle));
    } catch {
      // Not built yet: nothing to follow until the shell restarts.
    }
  }
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
