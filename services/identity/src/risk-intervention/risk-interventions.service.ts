import type { DataSource, EntityManager } from 'typeorm';
import { belongsToTenant, type AccountRef, type Tenant } from '@dash/contracts';
import { preparedEntities, retryOnDeadlock } from '@dash/db';
import { DashError, notFound } from '@dash/errors';
import { newId } from '@dash/ids';
import { newestFirstPage, type IdempotencyKeys } from '@dash/subgraph';
import type { InterventionKind } from '@dash/events';
import { lockedOpenAccount } from '../verification-document/identity-files.service.js';
import { liftIntervention, placeIntervention } from './intervention-change.service.js';
import { RiskIntervention, type RiskInterventionStatus } from './risk-intervention.entity.js';
import {
  placementOf,
  resolutionOf,
  REASON_MAX,
  type InterventionSource,
  type PlacementRequest,
  type ResolutionRequest,
} from './risk-intervention.rules.js';

/** What narrows a platform's list of interventions. */
export interface InterventionFilter {
  status?: RiskInterventionStatus | undefined;
  kind?: InterventionKind | undefined;
  account?: string | undefined;
  source?: InterventionSource | undefined;
}

/** A platform's interventions in force, counted for its risk overview. */
export interface InterventionCounts {
  accountsUnderIntervention: number;
  byKind: Array<{ kind: InterventionKind; count: number }>;
}

const modeOf = (livemode: boolean) => (livemode ? 'live' : 'test');

/** A platform's idempotency keys in one mode: a test key's never replay a live request. */
const keyScope = ({ platformId, livemode }: Tenant) => `${platformId}:${modeOf(livemode)}`;

const notActive = () =>
  new DashError('FAILED_PRECONDITION', 'This intervention is no longer in force.', {
    reason: 'INTERVENTION_NOT_ACTIVE',
  });

/**
 * Risk interventions as the platform and the account use them. Every change runs in one
 * transaction holding the account row locked (as every change to an account does), so changes
 * to one account's interventions — a platform's requests, the account's answer, an assessment —
 * are taken one after the other.
 */
export class RiskInterventions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: IdempotencyKeys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The platform places an intervention on one of its accounts (Access checked the account is
   * its own, in its mode). The same key and request return the first intervention.
   */
  place(tenant: Tenant, request: PlacementRequest, idempotencyKey: string) {
    const placement = placementOf(request);
    const id = newId('riskIntervention');
    const { source: _source, signal: _signal, breachedSince: _since, ...asked } = placement;
    return this.keys.once(
      {
        scope: keyScope(tenant),
        key: idempotencyKey,
        operation: 'placeRiskIntervention',
        params: { account: request.account, ...asked },
        resultId: id,
      },
      async (manager) => {
        const account = await this.lockedAccountOf(manager, tenant, request.account);
        const placed = await placeIntervention(manager, account, placement, {
          id,
          now: this.now(),
          idempotencyKey,
        });
        return placed.intervention;
      },
      async (firstId) => (await this.find(tenant, firstId))!,
    );
  }

  /** The platform lifts one of its accounts' interventions. */
  async lift(tenant: Tenant, id: string, reason: string | null | undefined) {
    const liftReason = reason?.trim() || null;
    if (liftReason && liftReason.length > REASON_MAX)
      throw new DashError('BAD_USER_INPUT', `The reason can be at most ${REASON_MAX} characters.`, {
        field: 'reason',
        reason: 'REASON_LENGTH',
      });
    const found = await this.find(tenant, id);
    if (!found) throw notFound('risk intervention', id);
    return this.changeActive(found, async (manager, account, intervention) => {
      const lifted = await liftIntervention(manager, account, intervention, {
        by: 'platform',
        now: this.now(),
        reason: liftReason,
      });
      return lifted.intervention;
    });
  }

  /** The signed-in account resolves one of its own `require_information` interventions. */
  async resolve(owner: AccountRef, id: string, request: ResolutionRequest) {
    const found = await this.dataSource
      .getRepository(RiskIntervention)
      .findOneBy({ id, accountId: owner.accountId, ...tenantOf(owner) });
    if (!found) throw notFound('risk intervention', id);
    return this.changeActive(found, async (manager, account, intervention) => {
      const { answer } = resolutionOf(intervention, request);
      const lifted = await liftIntervention(manager, account, intervention, {
        by: 'account',
        now: this.now(),
        answer,
      });
      return lifted.intervention;
    });
  }

  /** An account's interventions, newest first (a handful at most in practice). */
  ofAccount(account: AccountRef, status?: RiskInterventionStatus) {
    // The banner asks on every page: a prepared read whose text is built once, not per call.
    return preparedEntities(
      this.dataSource,
      RiskIntervention,
      `WHERE account_id = ? AND platform_id = ? AND livemode = ?${status ? ' AND status = ?' : ''}
       ORDER BY created_at DESC, id DESC LIMIT 100`,
      [account.accountId, account.platformId, account.livemode, ...(status ? [status] : [])],
    );
  }

  /** A page of the platform's interventions in its mode, newest first. */
  page(tenant: Tenant, filter: InterventionFilter, first: number, after?: string) {
    const query = this.dataSource
      .getRepository(RiskIntervention)
      .createQueryBuilder('intv')
      .where('intv.platform_id = :platformId AND intv.livemode = :livemode', tenantOf(tenant));
    if (filter.status) query.andWhere('intv.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('intv.kind = :kind', { kind: filter.kind });
    if (filter.account) query.andWhere('intv.account_id = :account', { account: filter.account });
    if (filter.source) query.andWhere('intv.source = :source', { source: filter.source });
    return newestFirstPage(
      query,
      'intv',
      { first, after },
      `risk_interventions:${tenant.platformId}:${modeOf(tenant.livemode)}`,
    );
  }

  /** How many of the platform's accounts are under an intervention, and how many of each kind. */
  async counts(tenant: Tenant): Promise<InterventionCounts> {
    const [accounts] = (await this.dataSource.query(
      `SELECT COUNT(DISTINCT account_id) AS accounts FROM risk_interventions
       WHERE platform_id = ? AND livemode = ? AND active_kind IS NOT NULL`,
      [tenant.platformId, tenant.livemode],
    )) as Array<{ accounts: string | number }>;
    const kinds = (await this.dataSource.query(
      `SELECT active_kind AS kind, COUNT(*) AS count FROM risk_interventions
       WHERE platform_id = ? AND livemode = ? AND active_kind IS NOT NULL
       GROUP BY active_kind ORDER BY active_kind`,
      [tenant.platformId, tenant.livemode],
    )) as Array<{ kind: InterventionKind; count: string | number }>;
    return {
      accountsUnderIntervention: Number(accounts?.accounts ?? 0),
      byKind: kinds.map(({ kind, count }) => ({ kind, count: Number(count) })),
    };
  }

  private find(tenant: Tenant, id: string) {
    return this.dataSource.getRepository(RiskIntervention).findOneBy({ id, ...tenantOf(tenant) });
  }

  /** The tenant's open account, locked; NOT_FOUND for anyone else's. */
  private async lockedAccountOf(manager: EntityManager, tenant: Tenant, accountId: string) {
    const account = await lockedOpenAccount(manager, accountId);
    if (!belongsToTenant(tenant, account)) throw notFound('account', accountId);
    return account;
  }

  /**
   * Runs `change` on an intervention still in force once its account is locked (another change
   * may have lifted it meanwhile); INTERVENTION_NOT_ACTIVE otherwise.
   */
  private changeActive<Result>(
    found: RiskIntervention,
    change: (
      manager: EntityManager,
      account: Awaited<ReturnType<typeof lockedOpenAccount>>,
      intervention: RiskIntervention,
    ) => Promise<Result>,
  ): Promise<Result> {
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const account = await lockedOpenAccount(manager, found.accountId);
        const intervention = await manager
          .getRepository(RiskIntervention)
          .findOneBy({ id: found.id });
        if (intervention?.status !== 'active') throw notActive();
        return change(manager, account, intervention);
      }),
    );
  }
}

const tenantOf = ({ platformId, livemode }: Tenant) => ({ platformId, livemode });
