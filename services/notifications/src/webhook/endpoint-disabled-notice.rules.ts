import { derivedId } from '@dash/ids';
import type { SendOutcome } from './webhook-sender.service.js';

/** What an endpoint's last failed attempt said, short enough to keep and to read in an email. */
export function describeFailure(outcome: SendOutcome): string {
  const said =
    outcome.statusCode === null ? (outcome.error ?? 'no answer') : `HTTP ${outcome.statusCode}`;
  const excerpt = outcome.responseExcerpt?.replace(/\s+/g, ' ').trim();
  return (excerpt ? `${said}: ${excerpt}` : said).slice(0, 300);
}

/**
 * The notice's delivery id, fixed by the endpoint and the moment it was disabled: however often
 * it is queued (a worker and the sweep, a retry), it is one delivery, sent once; a later
 * disabling of the same endpoint is another.
 */
export const disabledNoticeDeliveryId = (endpointId: string, disabledAt: Date) =>
  derivedId('delivery', `webhook-endpoint-disabled/${endpointId}/${disabledAt.toISOString()}`);

/** Where a platform's technical notices go: its technical address, else its support email. */
export const technicalAddressOf = (
  brand: { technicalEmail: string | null; supportEmail: string | null } | null,
): string | null => brand?.technicalEmail ?? brand?.supportEmail ?? null;

/** A moment as developers read it in a notice: `2026-01-05 10:00:00 UTC`. */
const utc = (at: Date) => `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** The parameters of the `webhook-endpoint-disabled` message. */
export function disabledNoticeParams(endpoint: {
  id: string;
  url: string;
  livemode: boolean;
  failingSince: Date | null;
  disabledAt: Date;
  lastFailure: string | null;
}): Record<string, string> {
  return {
    endpointId: endpoint.id,
    endpointUrl: endpoint.url,
    livemode: String(endpoint.livemode),
    failingSince: utc(endpoint.failingSince ?? endpoint.disabledAt),
    disabledAt: utc(endpoint.disabledAt),
    lastFailure: endpoint.lastFailure ?? '',
    locale: 'en',
  };
}
