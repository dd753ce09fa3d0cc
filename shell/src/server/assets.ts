import { createRequire } from 'node:module';
import { workspacePath, type MicrofrontendEntry } from '@dash/manifest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** A package's folder, found through its package.json (bypasses `exports` maps). */
function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    // package.json is not exported; walk up from the main entry instead.
  }
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      if ((require(join(dir, 'package.json')) as { name?: string }).name === name) return dir;
    } catch {
      // no package.json at this level
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the folder of ${name}`);
    dir = parent;
  }
}

/** The shell's own built files and page template (from src/server and dist/server alike). */
export const SHELL_PUBLIC_DIR = fileURLToPath(new URL('../../dist/public/', import.meta.url));
export const PAGE_TEMPLATE = fileURLToPath(new URL('../../static/index.html', import.meta.url));

/** The shared libraries in the import map, served under /vendor (see vendorFiles). */
export const VENDOR_IMPORTS = {
  vue: '/vendor/vue.js',
  'single-spa': '/vendor/single-spa.js',
  'single-spa-layout': '/vendor/single-spa-layout.js',
  '@dash/web-kit': '/vendor/web-kit.js',
};

/** The browser builds of the shared libraries, by file name under /vendor. */
export function vendorFiles(): Record<string, string> {
  const webKit = join(packageDir('@dash/web-kit'), 'dist');
  return {
    'vue.js': join(packageDir('vue'), 'dist/vue.runtime.esm-browser.prod.js'),
    'single-spa.js': join(packageDir('single-spa'), 'lib/es2015/esm/single-spa.min.js'),
    'single-spa-layout.js': join(
      packageDir('single-spa-layout'),
      'dist/esm/single-spa-layout.min.js',
    ),
    'web-kit.js': join(webKit, 'web-kit.js'),
    'web-kit.css': join(webKit, 'web-kit.css'),
  };
}

/** Where a micro-frontend's build is: its workspace folder's dist, served at /apps/<name>/. */
export const microfrontendDir = (entry: MicrofrontendEntry) => workspacePath(entry.folder, 'dist');
