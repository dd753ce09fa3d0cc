import { createRequire } from 'node:module';
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

/** The shell's own built files and page (paths work from src/server and dist/server alike). */
export const SHELL_PUBLIC_DIR = fileURLToPath(new URL('../../dist/public/', import.meta.url));
export const INDEX_HTML = fileURLToPath(new URL('../../static/index.html', import.meta.url));

/** The browser builds the import map names, served under /vendor. */
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

/**
 * The micro-frontends the shell serves, by URL segment: /apps/<name>/ is the package's dist.
 * A new micro-frontend is added here, to the import map and to a layout route.
 */
export const MICROFRONTENDS: Record<string, string> = {
  activity: '@dash/activity',
  balance: '@dash/balance',
  banner: '@dash/banner',
  disputes: '@dash/disputes-app',
  earnings: '@dash/earnings',
  login: '@dash/login',
  onboarding: '@dash/onboarding',
  payments: '@dash/payments',
  payouts: '@dash/payouts-app',
  settings: '@dash/settings',
  transactions: '@dash/transactions',
};

export const microfrontendDir = (packageName: string) => join(packageDir(packageName), 'dist');
