import { LessThan, type DataSource } from 'typeorm';
import { requestDelivery, type DeliveryJobs } from '@dash/contracts';
import type { TypedQueue } from '@dash/queue';
import type { PlatformBrands } from '../platform-brand/platform-brands.service.js';
import {
  disabledNoticeDeliveryId,
  disabledNoticeParams,
  technicalAddressOf,
} from './endpoint-disabled-notice.rules.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

/** What became of a notice: queued to an address, no address to send it to, or not due. */
export type NoticeOutcome =
  | { sent: true; to: string; deliveryId: string }
  | { sent: false; reason: 'no-address' | 'not-due' };

/**
 * Tells a platform by email that one of its webhook endpoints was disabled after failing: which
 * endpoint, since when, the last error, and how to enable it again. The notice is made due in
 * the transaction that disables the endpoint and queued right after it (or by the sweep, when
 * the worker died in between or Redis was away), through the delivery queue, so it is retried
 * and shows in the dev outbox. Its delivery id is fixed by the disabling, so it is sent once
 * however often it is queued.
 */
export class EndpointDisabledNotices {
  constructor(
    private readonly dataSource: DataSource,
    private readonly brands: PlatformBrands,
    private readonly delivery: () => TypedQueue<DeliveryJobs>,
  ) {}

  async send(endpointId: string): Promise<NoticeOutcome> {
    const endpoints = this.dataSource.getRepository(WebhookEndpoint);
    const endpoint = await endpoints.findOneBy({ id: endpointId, disabledNoticeDue: true });
    if (!endpoint?.disabledAt) return { sent: false, reason: 'not-due' };
    const disabledAt = endpoint.disabledAt;
    // The technical address, else the support email; with neither, the log is all there is.
    const to = technicalAddressOf(await this.brands.find(endpoint.platformId));
    let outcome: NoticeOutcome = { sent: false, reason: 'no-address' };
    if (to) {
      const deliveryId = await requestDelivery(this.delivery(), {
        deliveryId: disabledNoticeDeliveryId(endpoint.id, disabledAt),
        accountId: null,
        platformId: endpoint.platformId,
        // The platform's own address, set with its live key, for its developers: the notice
        // goes by the real carrier whichever mode the endpoint is in.
        livemode: true,
        channel: 'email',
        to,
        template: 'webhook-endpoint-disabled',
        params: disabledNoticeParams({ ...endpoint, disabledAt }),
      });
      outcome = { sent: true, to, deliveryId };
    }
    await endpoints.update({ id: endpoint.id, disabledAt }, { disabledNoticeDue: false });
    return outcome;
  }

  /** The endpoints whose notice is still due `graceMs` after their disabling. */
  async overdue(now: Date, graceMs: number, limit = 100): Promise<string[]> {
    const rows = await this.dataSource.getRepository(WebhookEndpoint).find({
      select: { id: true },
      where: { disabledNoticeDue: true, disabledAt: LessThan(new Date(now.getTime() - graceMs)) },
      take: limit,
    });
    return rows.map(({ id }) => id);
  }
}
