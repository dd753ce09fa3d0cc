import type { Request, RequestHandler } from 'express';
import Negotiator from 'negotiator';
import type { StaticAssets } from './assets.js';
import { ENCODINGS, type Encoding } from './file-group.js';

/** A versioned URL's bytes never change, so browsers and proxies keep them without asking. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

type EncodingsInOrder = (
  available: readonly Encoding[],
  options: { preferred: readonly Encoding[] },
) => Encoding[];

/**
 * The encoding to send: the one the request ranks highest; among equals (browsers list theirs
 * without ranks, gzip first) the smallest, which is the order `offered` is in.
 */
function chooseEncoding(req: Request, offered: readonly Encoding[]): Encoding {
  const negotiator = new Negotiator(req);
  // negotiator 1.x takes a preferred order for ties; its published types predate the option.
  const encodings = negotiator.encodings as unknown as EncodingsInOrder;
  return encodings.call(negotiator, offered, { preferred: offered })[0] ?? 'identity';
}

/**
 * Serves the files of `current()` (the assets as last read) from memory, each under its group's
 * versioned path, in the best encoding the request accepts. Anything else goes on to the next
 * handler (a 404).
 */
export function serveAssets(current: () => StaticAssets): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const mount = current().mounts.find(({ prefix, group }) =>
      req.path.startsWith(`${prefix}/${group.version}/`),
    );
    if (!mount) return next();
    let name: string;
    try {
      name = decodeURIComponent(
        req.path.slice(mount.prefix.length + mount.group.version.length + 2),
      );
    } catch {
      return next();
    }
    const file = mount.group.files.get(name);
    if (!file) return next();
    const offered = ENCODINGS.filter((encoding) => file.bodies[encoding]);
    const encoding = chooseEncoding(req, offered);
    const body = file.bodies[encoding] ?? file.bodies.identity;
    res.type(file.extension);
    res.setHeader('cache-control', IMMUTABLE);
    // Public, versioned files: platforms' pages load them too (embedded components), as
    // modules (CORS) and stylesheets (no-cors, so the resource policy must allow other sites).
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('cross-origin-resource-policy', 'cross-origin');
    // Caches keep one copy per encoding; the page's URLs are the same for all.
    res.setHeader('vary', 'Accept-Encoding');
    if (body !== file.bodies.identity) res.setHeader('content-encoding', encoding);
    res.setHeader('etag', file.etags[encoding]);
    // send() answers 304 to a matching If-None-Match, sets the length and leaves out HEAD's body.
    res.send(body);
  };
}
