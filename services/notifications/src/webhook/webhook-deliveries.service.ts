import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Tenant } from '@dash/contracts';
import { derivedId, newId } from '@dash/ids';
import { newestFirstPage } from '@dash/subgraph';
import type { PlatformEvent } from '../platform-event/platform-event.entity.js';
import type { WebhookEndpoint } from './webhook-endpoint.entity.js';
import {
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookDeliveryTrigger,
} from './webhook-delivery.entity.js';
import type { WebhookEndpoints } from './webhook-endpoints.service.js';
import { givesUp, retryDelayMs, type RetryPolicy } from './webhook-retry.rules.js';
import type { SendOutcome } from './webhook-sender.service.js';
import { describeFailure } from './endpoint-disabled-notice.rules.js';

interface Affected {
  affectedRows?: number;
}

/** What recording an attempt decided. */
export interface AttemptVerdict {
  /** When to try again; undefined when the delivery is over (or another run recorded it). */
  retryAt?: Date;
  /**
   * This failure disabled the endpoint (3 days of failures): the platform is to be told (its
   * notice is due from the same transaction; see EndpointDisabledNotices).
   */
  disabledEndpoint: boolean;
}

const succeeded = (outcome: SendOutcome) =>
  outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;

/** Deliveries of events to endpoints, and every attempt of each. */
export class WebhookDeliveries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpoints,
    private readonly settings: { retry: RetryPolicy; disableAfterMs: number },
  ) {}

  /**
   * A delivery of `event` to each of the tenant's endpoints that want it, in the consumer's
   * transaction. Ids are derived from endpoint and event, so a replayed event adds none.
   */
  async fanOut(manager: EntityManager, event: PlatformEvent): Promise<string[]> {
    const tenant = { platformId: event.platformId, livemode: event.livemode };
    const endpoints = await this.endpoints.subscribedTo(manager, tenant, event.type);
    if (endpoints.length === 0) return [];
    const now = new Date();
    const rows = endpoints.map((endpoint) =>
      this.row(
        derivedId('webhookDelivery', `${endpoint.id}/${event.id}`),
        endpoint,
        event,
        WebhookDeliveryTrigger.event,
        now,
      ),
    );
    await manager
      .createQueryBuilder()
      .insert()
      .into(WebhookDelivery)
      .values(rows)
      .orIgnore()
      .execute();
    return rows.map((row) => row.id);
  }

  /** A delivery made by hand: a resend of an event, or a test. */
  async create(
    endpoint: WebhookEndpoint,
    event: PlatformEvent,
    trigger: WebhookDeliveryTrigger,
  ): Promise<WebhookDelivery> {
    const row = this.row(newId('webhookDelivery'), endpoint, event, trigger, new Date());
    await this.dataSource.getRepository(WebhookDelivery).insert(row);
    return row;
  }

  private row(
    id: string,
    endpoint: Pick<WebhookEndpoint, 'id' | 'platformId' | 'livemode'>,
    event: PlatformEvent,
    trigger: WebhookDeliveryTrigger,
    now: Date,
  ): WebhookDelivery {
    return this.dataSource.getRepository(WebhookDelivery).create({
      id,
      endpointId: endpoint.id,
      eventId: event.id,
      platformId: endpoint.platformId,
      livemode: endpoint.livemode,
      trigger,
      status: WebhookDeliveryStatus.pending,
      attempts: 0,
      nextAttemptAt: now,
      lastStatusCode: null,
      createdAt: now,
      completedAt: null,
    });
  }

  find(id: string): Promise<WebhookDelivery | null> {
    return this.dataSource.getRepository(WebhookDelivery).findOneBy({ id });
  }

  /** One of the tenant's deliveries, or null. */
  findFor(tenant: Tenant, id: string): Promise<WebhookDelivery | null> {
    return this.dataSource.getRepository(WebhookDelivery).findOneBy({ id, ...tenant });
  }

  async list(
    endpointId: string,
    statuses: WebhookDeliveryStatus[] | undefined,
    first: number,
    after?: string,
  ) {
    let query = this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('delivery')
      .where('delivery.endpoint_id = :endpointId', { endpointId });
    if (statuses?.length) query = query.andWhere('delivery.status IN (:...statuses)', { statuses });
    return newestFirstPage(query, 'delivery', { first, after });
  }

  /** Every attempt of these deliveries, in order. */
  attemptsOf(deliveryIds: readonly string[]): Promise<WebhookAttempt[]> {
    if (deliveryIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(WebhookAttempt)
      .find({ where: { deliveryId: In([...deliveryIds]) }, order: { attempt: 'ASC' } });
  }

  /** Over without an attempt: its endpoint was disabled or deleted, or its event is gone. */
  async cancel(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'canceled', next_attempt_at = NULL, completed_at = ?
       WHERE id = ? AND status = 'pending'`,
      [new Date(), id],
    );
  }

  /**
   * Keeps attempt `attempt` and what follows from it, in one transaction: the delivery succeeds,
   * waits for its next attempt, or fails for good after 3 days; the endpoint's failing streak
   * starts or ends, and an endpoint failing for 3 days is disabled. A run of an attempt that
   * another run already recorded (a worker that died and came back) changes nothing.
   */
  async recordAttempt(
    delivery: WebhookDelivery,
    attempt: number,
    outcome: SendOutcome,
    at: Date,
  ): Promise<AttemptVerdict> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT IGNORE INTO webhook_attempts
           (delivery_id, attempt, attempted_at, status_code, latency_ms, response_excerpt, error)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          delivery.id,
          attempt,
          at,
          outcome.statusCode,
          outcome.latencyMs,
          outcome.responseExcerpt,
          outcome.error,
        ],
      );
      const ok = succeeded(outcome);
      // A test is sent once: it says whether the endpoint works now, and changes nothing else.
      const retries = delivery.trigger !== WebhookDeliveryTrigger.test;
      const disabledEndpoint =
        retries && !ok && (await this.noteFailure(manager, delivery.endpointId, outcome, at));
      if (retries && ok)
        await manager.query(
          'UPDATE webhook_endpoints SET failing_since = NULL, last_failure = NULL WHERE id = ?',
          [delivery.endpointId],
        );
      const retryAt = new Date(
        at.getTime() + retryDelayMs(this.settings.retry, attempt, Math.random()),
      );
      // Over when it went through, was a test, would outlive its 3 days, or disabled its endpoint.
      const over =
        ok ||
        !retries ||
        disabledEndpoint ||
        givesUp(this.settings.retry, delivery.createdAt, retryAt);
      const status = ok
        ? WebhookDeliveryStatus.succeeded
        : over
          ? WebhookDeliveryStatus.failed
          : WebhookDeliveryStatus.pending;
      const updated = (await manager.query(
        `UPDATE webhook_deliveries
         SET status = ?, attempts = ?, last_status_code = ?, next_attempt_at = ?, completed_at = ?
         WHERE id = ? AND status = 'pending' AND attempts < ?`,
        [
          status,
          attempt,
          outcome.statusCode,
          over ? null : retryAt,
          over ? at : null,
          delivery.id,
          attempt,
        ],
      )) as Affected;
      // Another run recorded this attempt first: it queued what follows.
      if (!updated.affectedRows) return { disabledEndpoint: false };
      return { ...(over ? {} : { retryAt }), disabledEndpoint };
    });
  }

  /**
   * A failed attempt starts the endpoint's failing streak, or continues it, and is kept as its
   * last failure; a streak as long as `disableAfterMs` disables the endpoint and makes the
   * notice of it due. True when this failure disabled it: the row lock makes that one failure
   * only, however many fail at once.
   */
  private async noteFailure(
    manager: EntityManager,
    endpointId: string,
    outcome: SendOutcome,
    at: Date,
  ): Promise<boolean> {
    await manager.query(
      `UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, ?), last_failure = ?
       WHERE id = ?`,
      [at, describeFailure(outcome), endpointId],
    );
    const disabled = (await manager.query(
      `UPDATE webhook_endpoints
       SET status = 'disabled', disabled_reason = 'failing', disabled_at = ?,
           disabled_notice_due = TRUE
       WHERE id = ? AND status = 'enabled' AND failing_since <= ?`,
      [at, endpointId, new Date(at.getTime() - this.settings.disableAfterMs)],
    )) as Affected;
    return !!disabled.affectedRows;
  }

  /** Pending deliveries whose attempt is overdue by `graceMs`: their job may have been lost. */
  async overdue(
    now: Date,
    graceMs: number,
    limit = 500,
  ): Promise<Array<Pick<WebhookDelivery, 'id' | 'attempts'>>> {
    return (await this.dataSource.query(
      `SELECT id, attempts FROM webhook_deliveries
       WHERE status = 'pending' AND next_attempt_at < ? ORDER BY next_attempt_at LIMIT ?`,
      [new Date(now.getTime() - graceMs), limit],
    )) as Array<Pick<WebhookDelivery, 'id' | 'attempts'>>;
  }

  /** Deletes finished deliveries (and their attempts) made before `before`. */
  async prune(before: Date, batch = 1000): Promise<void> {
    for (;;) {
      const ids = (
        (await this.dataSource.query(
          `SELECT id FROM webhook_deliveries WHERE created_at < ? AND status <> 'pending' LIMIT ?`,
          [before, batch],
        )) as Array<{ id: string }>
      ).map(({ id }) => id);
      if (ids.length === 0) return;
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(WebhookAttempt).delete({ deliveryId: In(ids) });
        await manager.getRepository(WebhookDelivery).delete({ id: In(ids) });
      });
      if (ids.length < batch) return;
    }
  }
}
