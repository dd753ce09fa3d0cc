import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { workspacePath, type MicrofrontendEntry } from '@dash/manifest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileGroup, folderGroup, type FileGroup, type FileTransform } from './file-group.js';
import { pinImports } from './pinned-imports.js';

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
const SHELL_PUBLIC_DIR = fileURLToPath(new URL('../../dist/public/', import.meta.url));
export const PAGE_TEMPLATE = fileURLToPath(new URL('../../static/index.html', import.meta.url));

/** The shared libraries in the import map, by their plain URLs (see staticAssets for versions). */
export const VENDOR_IMPORTS = {
  vue: '/vendor/vue.js',
  'single-spa': '/vendor/single-spa.js',
  'single-spa-layout': '/vendor/single-spa-layout.js',
  '@dash/web-kit': '/vendor/web-kit.js',
};

/** Where our own shared library's build is (the others come from npm and do not change). */
const webKitDir = () => join(packageDir('@dash/web-kit'), 'dist');

/**
 * Our shared library's build: its module, stylesheet and source maps, and the chunks it fetches
 * when asked (the words of a language chosen later), which sit beside it.
 */
function webKitFiles(): Record<string, string> {
  const dir = webKitDir();
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [entry.name, join(dir, entry.name)]),
  );
}

/** The browser builds of the shared libraries, served under /vendor: files built together. */
function vendorFiles(): Record<string, string>[] {
  return [
    { 'vue.js': join(packageDir('vue'), 'dist/vue.runtime.esm-browser.prod.js') },
    { 'single-spa.js': join(packageDir('single-spa'), 'lib/es2015/esm/single-spa.min.js') },
    {
      'single-spa-layout.js': join(
        packageDir('single-spa-layout'),
        'dist/esm/single-spa-layout.min.js',
      ),
    },
    webKitFiles(),
  ];
}

/** Where a micro-frontend's build is: its workspace folder's dist, served at /apps/<name>/. */
const microfrontendDir = (entry: MicrofrontendEntry) => workspacePath(entry.folder, 'dist');

/** A group of files served under `<prefix>/<its version>/`. */
export interface AssetMount {
  prefix: string;
  group: FileGroup;
}

/**
 * Everything the page loads, read when the server starts: the shared libraries, the shell's own
 * files and each micro-frontend's build, each group under a path that names its content.
 */
export interface StaticAssets {
  mounts: readonly AssetMount[];
  /** A file's versioned URL from its plain one: `/vendor/vue.js` → `/vendor/<version>/vue.js`. */
  url(plainUrl: string): string;
  /** Precompresses every file (brotli and gzip); before serving. */
  compress(): Promise<void>;
  /** The build folders the files come from: a change there is a new build to read. */
  folders: readonly string[];
}

/** A module's imports of the shared libraries read so far, pinned to their versioned URLs. */
function pinning(mounts: readonly AssetMount[]): FileTransform {
  const urls: Record<string, string> = {};
  for (const [specifier, plainUrl] of Object.entries(VENDOR_IMPORTS)) {
    const name = plainUrl.slice('/vendor/'.length);
    const mount = mounts.find(({ group }) => group.files.has(name));
    if (mount) urls[specifier] = `/vendor/${mount.group.version}/${name}`;
  }
  return (name, bytes) =>
    name.endsWith('.js') ? Buffer.from(pinImports(bytes.toString('utf8'), urls)) : bytes;
}

export function staticAssets(microfrontends: readonly MicrofrontendEntry[]): StaticAssets {
  // Each shared library is read after the ones it imports (web-kit imports vue; the layout,
  // single-spa), so its imports are pinned to their versions — and so are the apps'.
  const mounts: AssetMount[] = [];
  for (const files of vendorFiles())
    mounts.push({ prefix: '/vendor', group: fileGroup(files, pinning(mounts)) });
  const pinVendor = pinning(mounts);
  mounts.push({ prefix: '/shell', group: folderGroup(SHELL_PUBLIC_DIR, pinVendor) });
  for (const entry of microfrontends)
    mounts.push({
      prefix: `/apps/${entry.name}`,
      group: folderGroup(microfrontendDir(entry), pinVendor),
    });
  const versioned = ({ prefix, group }: AssetMount, name: string) =>
    `${prefix}/${group.version}/${name}`;
  return {
    mounts,
    url(plainUrl) {
      const inside = (mount: AssetMount) =>
        plainUrl.startsWith(`${mount.prefix}/`) ? plainUrl.slice(mount.prefix.length + 1) : null;
      // The group holding the file; a file not built (yet) gets its group's URL and is a 404.
      const mount =
        mounts.find((candidate) => candidate.group.files.has(inside(candidate) ?? '')) ??
        mounts.find((candidate) => inside(candidate) !== null);
      if (!mount) throw new Error(`${plainUrl} is not a file the shell serves`);
      return versioned(mount, inside(mount)!);
    },
    async compress() {
      await Promise.all(mounts.map(({ group }) => group.compress()));
    },
    folders: [webKitDir(), SHELL_PUBLIC_DIR, ...microfrontends.map(microfrontendDir)],
  };
}
