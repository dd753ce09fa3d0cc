import type { DataSource, EntityManager } from 'typeorm';
import { openValue, sealValue, type SecretKeys } from '@dash/config';
import { retryOnDeadlock } from '@dash/db';
import type { Tenant } from '@dash/contracts';
import { newId } from '@dash/ids';
import { badInput, newestFirstPage, notFound } from '@dash/subgraph';
import { isPublicEventType } from '../platform-event/public-events.rules.js';
import { checkEndpointUrl } from './webhook-url.rules.js';
import { WebhookEndpoint, WebhookEndpointStatus } from './webhook-endpoint.entity.js';
import { newWebhookSecret } from './webhook-signature.rules.js';

export interface EndpointChange {
  url?: string | undefined;
  enabledEvents?: string[] | undefined;
  description?: string | null | undefined;
  disabled?: boolean | undefined;
}

/** A platform has at most this many endpoints per mode (Stripe allows 16). */
export const MAX_ENDPOINTS = 16;

/** `*` or known event types, each once; at least one. */
function checkEnabledEvents(events: string[]): string[] {
  const unique = [...new Set(events)];
  if (unique.length === 0)
    throw badInput('enabledEvents needs at least one event type', 'enabledEvents');
  const unknown = unique.filter((type) => type !== '*' && !isPublicEventType(type));
  if (unknown.length > 0)
    throw badInput(
      `enabledEvents has types that do not exist: ${unknown.slice(0, 5).join(', ')}`,
      'enabledEvents',
    );
  return unique.includes('*') ? ['*'] : unique;
}

/** Whether an endpoint's choice of events includes `type`. */
export const subscribes = (endpoint: Pick<WebhookEndpoint, 'enabledEvents'>, type: string) =>
  endpoint.enabledEvents.includes('*') || endpoint.enabledEvents.includes(type);

/** An enabled endpoint as a delivery is decided: its id and the events it wants. */
type EnabledEndpoint = Pick<WebhookEndpoint, 'id' | 'enabledEvents'>;

async function readEnabled(manager: EntityManager, tenant: Tenant): Promise<EnabledEndpoint[]> {
  const rows = (await manager.query(
    `SELECT id, enabled_events FROM webhook_endpoints
     WHERE platform_id = ? AND livemode = ? AND status = ?`,
    [tenant.platformId, tenant.livemode, WebhookEndpointStatus.enabled],
  )) as Array<{ id: string; enabled_events: string }>;
  return rows.map((row) => ({
    id: row.id,
    enabledEvents: JSON.parse(row.enabled_events) as string[],
  }));
}

const wanting = (endpoints: EnabledEndpoint[], tenant: Tenant, type: string) =>
  endpoints
    .filter((endpoint) => subscribes(endpoint, type))
    .map((endpoint) => ({ id: endpoint.id, ...tenant }));

/** A platform's webhook endpoints, per mode, and their signing secrets (sealed at rest). */
export class WebhookEndpoints {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: SecretKeys,
    private readonly settings: { allowPrivateTargets: boolean; rolledSecretGraceMs: number },
  ) {}

  private get repository() {
    return this.dataSource.getRepository(WebhookEndpoint);
  }

  private seal = (id: string, secret: string) => sealValue(this.keys, 'webhook-secret', secret, id);

  private checkUrl = (url: string, tenant: Tenant) =>
    checkEndpointUrl(url, {
      livemode: tenant.livemode,
      allowPrivateTargets: this.settings.allowPrivateTargets,
    });

  /** A new endpoint and its signing secret, shown this once. */
  async create(
    tenant: Tenant,
    input: { url: string; enabledEvents: string[]; description?: string | undefined },
  ): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const url = this.checkUrl(input.url, tenant);
    const enabledEvents = checkEnabledEvents(input.enabledEvents);
    const id = newId('webhookEndpoint');
    const secret = newWebhookSecret();
    const endpoint = this.repository.create({
      id,
      ...tenant,
      url,
      description: input.description?.trim() || null,
      enabledEvents,
      status: WebhookEndpointStatus.enabled,
      disabledReason: null,
      secret: this.seal(id, secret),
      previousSecret: null,
      previousSecretExpiresAt: null,
      failingSince: null,
      lastFailure: null,
      disabledAt: null,
      disabledNoticeDue: false,
      createdAt: new Date(),
    });
    // Counted under a lock on the platform's endpoints, so parallel creates cannot pass the cap;
    // two creates that locked the same gap deadlock, and the victim counts again.
    await retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const [row] = (await manager.query(
          'SELECT COUNT(*) AS count FROM webhook_endpoints WHERE platform_id = ? AND livemode = ? FOR UPDATE',
          [tenant.platformId, tenant.livemode],
        )) as Array<{ count: number | string }>;
        if (Number(row?.count ?? 0) >= MAX_ENDPOINTS)
          throw badInput(`A platform has at most ${MAX_ENDPOINTS} endpoints per mode.`, 'url');
        await manager.getRepository(WebhookEndpoint).insert(endpoint);
      }),
    );
    return { endpoint, secret };
  }

  /** One of the tenant's endpoints; NOT_FOUND for anyone else's. */
  async get(tenant: Tenant, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.repository.findOneBy({ id, ...tenant });
    if (!endpoint) throw notFound('webhook endpoint', id);
    return endpoint;
  }

  async list(tenant: Tenant, first: number, after?: string) {
    return newestFirstPage(
      this.repository
        .createQueryBuilder('endpoint')
        .where('endpoint.platform_id = :platformId AND endpoint.livemode = :livemode', tenant),
      'endpoint',
      { first, after },
    );
  }

  async update(tenant: Tenant, id: string, change: EndpointChange): Promise<WebhookEndpoint> {
    const endpoint = await this.get(tenant, id);
    if (change.url !== undefined) endpoint.url = this.checkUrl(change.url, tenant);
    if (change.enabledEvents !== undefined)
      endpoint.enabledEvents = checkEnabledEvents(change.enabledEvents);
    if (change.description !== undefined) endpoint.description = change.description?.trim() || null;
    if (change.disabled === true) {
      endpoint.status = WebhookEndpointStatus.disabled;
      endpoint.disabledReason = 'platform';
    } else if (change.disabled === false) {
      // Enabling again starts afresh: past failures no longer count towards disabling it.
      endpoint.status = WebhookEndpointStatus.enabled;
      endpoint.disabledReason = null;
      endpoint.failingSince = null;
    }
    await this.repository.update(
      { id, ...tenant },
      {
        url: endpoint.url,
        enabledEvents: endpoint.enabledEvents,
        description: endpoint.description,
        status: endpoint.status,
        disabledReason: endpoint.disabledReason,
        failingSince: endpoint.failingSince,
      },
    );
    return endpoint;
  }

  /** Deletes it; its pending deliveries are canceled when their turn comes. */
  async delete(tenant: Tenant, id: string): Promise<void> {
    const { affected } = await this.repository.delete({ id, ...tenant });
    if (!affected) throw notFound('webhook endpoint', id);
  }

  /**
   * A new signing secret, shown this once; the old one keeps signing beside it for the grace
   * period, so receivers can switch without missing an event.
   */
  async rollSecret(tenant: Tenant, id: string, now = new Date()) {
    const endpoint = await this.get(tenant, id);
    const secret = newWebhookSecret();
    endpoint.previousSecret = this.seal(
      id,
      openValue(this.keys, 'webhook-secret', endpoint.secret, id),
    );
    endpoint.previousSecretExpiresAt = new Date(now.getTime() + this.settings.rolledSecretGraceMs);
    endpoint.secret = this.seal(id, secret);
    await this.repository.update(
      { id, ...tenant },
      {
        secret: endpoint.secret,
        previousSecret: endpoint.previousSecret,
        previousSecretExpiresAt: endpoint.previousSecretExpiresAt,
      },
    );
    return { endpoint, secret };
  }

  /** The secrets a delivery is signed with now: the current one, and a rolled one in its grace. */
  signingSecrets(endpoint: WebhookEndpoint, now = new Date()): string[] {
    const open = (sealed: string) => openValue(this.keys, 'webhook-secret', sealed, endpoint.id);
    const secrets = [open(endpoint.secret)];
    if (
      endpoint.previousSecret &&
      endpoint.previousSecretExpiresAt &&
      endpoint.previousSecretExpiresAt > now
    )
      secrets.push(open(endpoint.previousSecret));
    return secrets;
  }

  /**
   * The enabled endpoints read in each transaction, by tenant: a consumer transaction handles up
   * to sixteen events, most often all of one platform, and each asks. Within one transaction a
   * second read would see the same snapshot (InnoDB's repeatable read; nothing that fans events
   * out changes endpoints in the same transaction), so it is not sent.
   */
  private readonly enabledIn = new WeakMap<
    EntityManager,
    Map<string, Promise<EnabledEndpoint[]>>
  >();

  /**
   * The tenant's enabled endpoints that want `type`, as far as a delivery needs them (id and
   * tenant), read in the consumer's transaction. Read on every event a platform hears of, most
   * often to find none: one plain statement per tenant and transaction, no entity built.
   */
  async subscribedTo(
    manager: EntityManager,
    tenant: Tenant,
    type: string,
  ): Promise<Array<Pick<WebhookEndpoint, 'id' | 'platformId' | 'livemode'>>> {
    // Outside a transaction every read is its own snapshot: nothing is kept.
    if (!manager.queryRunner?.isTransactionActive)
      return wanting(await readEnabled(manager, tenant), tenant, type);
    let byTenant = this.enabledIn.get(manager);
    if (!byTenant) this.enabledIn.set(manager, (byTenant = new Map()));
    const key = `${tenant.platformId}:${tenant.livemode}`;
    let enabled = byTenant.get(key);
    if (!enabled) byTenant.set(key, (enabled = readEnabled(manager, tenant)));
    return wanting(await enabled, tenant, type);
  }

  byId(id: string): Promise<WebhookEndpoint | null> {
    return this.repository.findOneBy({ id });
  }
}
