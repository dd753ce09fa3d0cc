import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The encodings a file is kept in, best first: what a browser accepts picks one. */
export const ENCODINGS = ['br', 'gzip', 'identity'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** One file as sent: its bytes in each encoding that makes it smaller, and their tags. */
export interface StaticFile {
  extension: string;
  bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer };
  /** Strong ETags, one per encoding: the bytes differ, so the tags must too. */
  etags: Record<Encoding, string>;
}

/**
 * Files built together (a micro-frontend's build, the shell's own, one shared library) and
 * addressed under one version: a hash of all their names and bytes. Files of a group refer to each
 * other by relative URLs (a stylesheet next to its module, a source map), so the version is one
 * path segment in front of them all, and a change to any file gives every file a new URL.
 */
export interface FileGroup {
  version: string;
  /** By path inside the group, with '/' separators. */
  files: ReadonlyMap<string, StaticFile>;
  /** Precompresses the files (once per content in this process); serve only after. */
  compress(): Promise<void>;
}

/** Text that compresses; source maps are left as they are (only developer tools read them). */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.txt']);

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

// Brotli at its best costs about a second per megabyte: paid once per content and process, on
// the thread pool, never per request.
const compressions = new Map<string, Promise<Partial<Record<Encoding, Buffer>>>>();

async function compressedBodies(
  digest: string,
  body: Buffer,
): Promise<Partial<Record<Encoding, Buffer>>> {
  let result = compressions.get(digest);
  if (!result) {
    result = Promise.all([
      brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
      gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
    ]).then(([br, gz]) => ({
      // An encoding that saves nothing is not worth a header.
      ...(br.length < body.length ? { br } : {}),
      ...(gz.length < body.length ? { gzip: gz } : {}),
    }));
    compressions.set(digest, result);
  }
  return result;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();

/** Changes a file's bytes as it is read (e.g. pins a module's imports); the group's version follows. */
export type FileTransform = (name: string, bytes: Buffer) => Buffer;

/** A group of the given files, by the path each is served under inside the group. */
export function fileGroup(paths: Record<string, string>, transform?: FileTransform): FileGroup {
  const names = Object.keys(paths).sort();
  const files = new Map<string, StaticFile>();
  const digests = new Map<string, { digest: string; file: StaticFile }>();
  const version = createHash('sha256');
  for (const name of names) {
    const read = readFileSync(paths[name]!);
    const identity = transform ? transform(name, read) : read;
    const digest = sha256(identity).toString('base64url');
    version.update(`${name}\0${digest}\0`);
    const tag = (encoding: Encoding) =>
      `"${digest.slice(0, 27)}${encoding === 'identity' ? '' : `-${encoding}`}"`;
    const file: StaticFile = {
      extension: extname(name),
      bodies: { identity },
      etags: { br: tag('br'), gzip: tag('gzip'), identity: tag('identity') },
    };
    files.set(name, file);
    digests.set(name, { digest, file });
  }
  return {
    version: version.digest('hex').slice(0, 16),
    files,
    async compress() {
      await Promise.all(
        [...digests.values()]
          .filter(({ file }) => COMPRESSIBLE.has(file.extension))
          .map(async ({ digest, file }) => {
            Object.assign(file.bodies, await compressedBodies(digest, file.bodies.identity));
          }),
      );
    },
  };
}

/** Every file under `folder` (none if it does not exist, e.g. not built yet). */
export function folderGroup(folder: string, transform?: FileTransform): FileGroup {
  const paths: Record<string, string> = {};
  if (existsSync(folder)) {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      paths[relative(folder, path).split(sep).join('/')] = path;
    }
  }
  return fileGroup(paths, transform);
}
