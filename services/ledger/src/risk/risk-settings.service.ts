import type { DataSource, EntityManager } from 'typeorm';
import type { Tenant } from '@dash/contracts';
import { retryOnDeadlock } from '@dash/db';
import { DashError } from '@dash/errors';
import {
  applySettingsChange,
  DEFAULT_RISK_SETTINGS,
  type RiskSettingsChange,
  type RiskSettingsValues,
} from './risk-settings.rules.js';
import type { RiskSettings } from './risk-settings.type.js';

interface SettingsRow {
  window_days: number;
  minimum_charges: number;
  dispute_rate_threshold: number;
  refund_rate_threshold: number;
  volume_change_factor: number;
  payout_failures_threshold: number;
  recovery_days: number;
  reserve_percent: number;
  reserve_days: number;
  severe_factor: number;
  automatic_interventions: number | boolean;
}

const COLUMNS: Record<keyof RiskSettingsValues, keyof SettingsRow> = {
  windowDays: 'window_days',
  minimumCharges: 'minimum_charges',
  disputeRateThreshold: 'dispute_rate_threshold',
  refundRateThreshold: 'refund_rate_threshold',
  volumeChangeFactor: 'volume_change_factor',
  payoutFailuresThreshold: 'payout_failures_threshold',
  recoveryDays: 'recovery_days',
  reservePercent: 'reserve_percent',
  reserveDays: 'reserve_days',
  severeFactor: 'severe_factor',
  automaticInterventions: 'automatic_interventions',
};
const FIELDS = Object.keys(COLUMNS) as Array<keyof RiskSettingsValues>;

const valuesOf = (row: SettingsRow | undefined): RiskSettingsValues =>
  row
    ? (Object.fromEntries(
        FIELDS.map((field) => {
          const raw = row[COLUMNS[field]];
          return [field, field === 'automaticInterventions' ? Boolean(raw) : Number(raw)];
        }),
      ) as unknown as RiskSettingsValues)
    : { ...DEFAULT_RISK_SETTINGS };

/** Each platform's risk settings per mode; the defaults until it changes one. */
export class RiskSettingsStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The tenant's settings (through `manager` when given: a transaction's own read). */
  async of(tenant: Tenant, manager: EntityManager = this.dataSource.manager) {
    const [row] = (await manager.query(
      `SELECT ${Object.values(COLUMNS).join(', ')} FROM risk_settings
       WHERE platform_id = ? AND livemode = ?`,
      [tenant.platformId, tenant.livemode],
    )) as SettingsRow[];
    return valuesOf(row);
  }

  async view(tenant: Tenant): Promise<RiskSettings> {
    return { livemode: tenant.livemode, ...(await this.of(tenant)) };
  }

  /** Changes what was given and keeps the rest; a value out of range is refused by its field. */
  async set(tenant: Tenant, change: RiskSettingsChange): Promise<RiskSettings> {
    const values = await retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        // The row's lock orders concurrent changes: each applies to what the one before left.
        const [current] = (await manager.query(
          `SELECT ${Object.values(COLUMNS).join(', ')} FROM risk_settings
           WHERE platform_id = ? AND livemode = ? FOR UPDATE`,
          [tenant.platformId, tenant.livemode],
        )) as SettingsRow[];
        const checked = applySettingsChange(valuesOf(current), change);
        if (!checked.ok)
          throw new DashError('BAD_USER_INPUT', checked.message, {
            field: checked.field,
            reason: 'RISK_SETTING_OUT_OF_RANGE',
          });
        const columns = FIELDS.map((field) => COLUMNS[field]);
        await manager.query(
          `INSERT INTO risk_settings (platform_id, livemode, ${columns.join(', ')}, updated_at)
           VALUES (?, ?, ${columns.map(() => '?').join(', ')}, ?)
           ON DUPLICATE KEY UPDATE ${[...columns, 'updated_at'].map((c) => `${c} = VALUES(${c})`).join(', ')}`,
          [
            tenant.platformId,
            tenant.livemode,
            ...FIELDS.map((field) => checked.value[field]),
            new Date(),
          ],
        );
        return checked.value;
      }),
    );
    return { livemode: tenant.livemode, ...values };
  }
}
