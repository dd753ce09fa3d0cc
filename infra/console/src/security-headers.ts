import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The console's scripts come from its own origin only (the board's page has no inline script
 * that runs: its settings are a JSON block), it is never framed (an operator's click cannot be
 * borrowed), and nothing it shows is cached or sent on as a Referer. Styles may be inline: the
 * board's loading screen uses style attributes. Web fonts from elsewhere are not loaded.
 */
export function securityHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  return (req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    headers(req, res, next);
  };
}
