import { Router } from 'express';
import type { PlatformBranding } from './platform-branding.service.js';

const ICON_PATH = /^\/platform-icons\/(plat_[A-Za-z0-9]{1,40})\/([0-9a-f]{16})\.(png|jpg|svg)$/;

/**
 * Platforms' icons, for anyone (the sign-in page shows one before anyone signs in). An icon's
 * URL names its digest, so it is cached for good; an SVG is served so that nothing in it can
 * run or load, even opened on its own.
 */
export function platformIconRoute(branding: PlatformBranding): Router {
  return Router().get(ICON_PATH, async (req, res, next) => {
    try {
      const [, platformId, digest] = ICON_PATH.exec(req.path)!;
      const icon = await branding.icon(platformId!, digest!);
      if (!icon) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such icon.' } });
        return;
      }
      res
        .status(200)
        .setHeader('content-type', icon.contentType)
        .setHeader('x-content-type-options', 'nosniff')
        .setHeader(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        )
        .setHeader('cache-control', 'public, max-age=31536000, immutable')
        .end(icon.bytes);
    } catch (error) {
      next(error);
    }
  });
}
