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
  };
}

/**
 * The notice itself, to the platform's developers (its technical address), in English like the
 * API it is about: no platform says which language its team reads.
 */
export const disabledNoticeMessage = (p: Record<string, string>) => ({
  subject: `Webhook endpoint ${p.endpointId ?? ''} was disabled`,
  text: [
    `Your ${p.livemode === 'true' ? 'live' : 'test'}-mode webhook endpoint ${p.endpointId ?? ''} (${p.endpointUrl ?? ''}) was disabled at ${p.disabledAt ?? ''}: every delivery to it has failed since ${p.failingSince ?? ''}.`,
    `The last attempt failed with: ${p.lastFailure || 'no answer'}.`,
    'Nothing is sent to it while it is disabled. The events it missed are listed by the `events` query, and resendWebhookEvent(event, endpoint) sends one again.',
    `Once it answers with a 2xx status again, enable it with a ${p.livemode === 'true' ? 'live' : 'test'}-mode API key:`,
    `mutation { updateWebhookEndpoint(id: "${p.endpointId ?? ''}", disabled: false) { id status } }`,
  ].join('\n\n'),
});
