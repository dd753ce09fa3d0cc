import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import type { DataSource, EntityManager } from 'typeorm';
import { accountRefOf, type AccountRef, type Tenant } from '@dash/contracts';
import { insertOrLock, retryOnDeadlock } from '@dash/db';
import { recordEvent } from '@dash/events';
import { newId } from '@dash/ids';
import { touchReads } from '@dash/read-cache';
import {
  badInput,
  DashError,
  newestFirstPage,
  notFound,
  type IdempotencyKeys,
  type PageArgs,
} from '@dash/subgraph';
import { tenantKeyScope } from '../postings/key-scopes.rules.js';
import { yearTotals, type YearTotals } from './tax-amounts.service.js';
import {
  TaxForm,
  TaxFormStatus,
  TaxFormTypeEnum,
  TaxProfileRow,
  TaxSettingsRow,
  type PayerFacts,
  type RecipientFacts,
} from './tax-form.entity.js';
import type { TaxFormFilterInput, TaxSettingsInput } from './tax-form.input.js';
import type { TaxFormGeneration, TaxSettings } from './tax-form.type.js';
import {
  checkPayerAddress,
  checkPayerName,
  checkPayerPhone,
  checkPayerTin,
  formatEin,
  type SettingCheck,
} from './tax-settings.rules.js';
import { taxYearRefusal, truncatedTin } from './tax-year.rules.js';
import { isReportable, thresholdsFor, type TaxFormType } from './thresholds.rules.js';

const settingsMissing = () =>
  new DashError(
    'FAILED_PRECONDITION',
    'Set the payer of your tax forms first: setTaxSettings with payerName, payerAddress and payerTin.',
    { reason: 'TAX_SETTINGS_MISSING' },
  );

/** A tenant's settings before it set any: the 1099-K, federal thresholds, no payer yet. */
const defaultSettings = (tenant: Tenant, now: Date): TaxSettingsRow =>
  Object.assign(new TaxSettingsRow(), {
    platformId: tenant.platformId,
    livemode: tenant.livemode,
    formType: 'us_1099_k',
    payerName: null,
    payerAddress: null,
    payerPhone: null,
    payerTin: null,
    kGrossThreshold: null,
    kCountThreshold: null,
    necThreshold: null,
    updatedAt: now,
  });

const payerOf = (settings: TaxSettingsRow): PayerFacts | null =>
  settings.payerName && settings.payerAddress && settings.payerTin
    ? {
        name: settings.payerName,
        address: settings.payerAddress,
        phone: settings.payerPhone,
        tin: formatEin(settings.payerTin),
      }
    : null;

const recipientOf = (profile: TaxProfileRow): RecipientFacts => ({
  name: profile.legalName ?? '',
  address: profile.address,
  tinType: profile.tinType,
  tinLast4: profile.tinLast4,
});

/** What a form is made of: a form with the same inputs needs no new version. */
const inputsHashOf = (inputs: {
  type: TaxFormType;
  year: number;
  totals: YearTotals;
  recipient: RecipientFacts;
  payer: PayerFacts;
}) =>
  createHash('sha256')
    .update(stringify(inputs) ?? '')
    .digest('hex');

/** A year's totals for an account with nothing that year. */
const nothing = (accountId: string, type: TaxFormType): YearTotals => ({
  accountId,
  amount: 0,
  transactionCount: type === 'us_1099_k' ? 0 : null,
  monthly: type === 'us_1099_k' ? Array.from({ length: 12 }, () => 0) : null,
});

interface RunRow {
  id: string;
  tax_year: number;
  form_type: TaxFormType;
  created_count: number;
  existing_count: number;
  created_at: Date;
}

/**
 * pdf-lib is several megabytes of code that only a filing run uses, once a year per account;
 * importing it on the first form keeps it out of the heap of every ledger serving the dashboard.
 */
const loadPdfRenderer = () => import('./tax-form-pdf.rules.js');

/**
 * US tax forms: a platform's settings, each year's generation, corrections, and the lists and
 * downloads of what was issued. Every form is made under its tenant's settings row lock, so
 * generations and corrections running at once issue each account's form of a year once.
 */
export class TaxForms {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: IdempotencyKeys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The tenant's settings, or the defaults before it set any. */
  async settingsRow(tenant: Tenant): Promise<TaxSettingsRow> {
    return (
      (await this.dataSource.getRepository(TaxSettingsRow).findOneBy({ ...tenant })) ??
      defaultSettings(tenant, this.now())
    );
  }

  async settings(tenant: Tenant): Promise<TaxSettings> {
    return settingsView(await this.settingsRow(tenant));
  }

  /** Changes what was given and keeps the rest; a bad value is refused naming its field. */
  async setSettings(tenant: Tenant, input: TaxSettingsInput): Promise<TaxSettings> {
    const valueOf = <Value>(check: SettingCheck<Value>): Value => {
      if (!check.ok) throw badInput(check.message, check.field);
      return check.value;
    };
    const changes: Partial<TaxSettingsRow> = {};
    if (input.formType !== undefined && input.formType !== null) changes.formType = input.formType;
    if (input.payerName !== undefined && input.payerName !== null)
      changes.payerName = valueOf(checkPayerName(input.payerName));
    if (input.payerAddress !== undefined && input.payerAddress !== null)
      changes.payerAddress = valueOf(checkPayerAddress(input.payerAddress));
    if (input.payerPhone !== undefined)
      changes.payerPhone = valueOf(checkPayerPhone(input.payerPhone));
    if (input.payerTin !== undefined && input.payerTin !== null)
      changes.payerTin = valueOf(checkPayerTin(input.payerTin));
    if (input.kGrossAmountThreshold !== undefined)
      changes.kGrossThreshold = input.kGrossAmountThreshold;
    if (input.kTransactionCountThreshold !== undefined)
      changes.kCountThreshold = input.kTransactionCountThreshold;
    if (input.necAmountThreshold !== undefined) changes.necThreshold = input.necAmountThreshold;
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const row = await this.lockedSettings(manager, tenant);
        Object.assign(row, changes, { updatedAt: this.now() });
        await manager.getRepository(TaxSettingsRow).save(row);
        return settingsView(row);
      }),
    );
  }

  /**
   * Issues the year's form to every US account over the tenant's thresholds that has none yet,
   * once per idempotency key; forms already issued are left as they are (`regenerate` corrects
   * one). The whole run is one transaction: its forms, their events and its record together.
   */
  async generate(tenant: Tenant, year: number, idempotencyKey: string): Promise<TaxFormGeneration> {
    const refusal = taxYearRefusal(year, tenant.livemode, this.now());
    if (refusal) throw badInput(refusal, 'year');
    if (!payerOf(await this.settingsRow(tenant))) throw settingsMissing();
    const runId = newId('taxFormRun');
    return this.keys.once(
      {
        scope: tenantKeyScope(tenant),
        key: idempotencyKey,
        operation: 'generateTaxForms',
        params: { year },
        resultId: runId,
      },
      async (manager) => {
        const settings = await this.lockedSettings(manager, tenant);
        const payer = payerOf(settings);
        if (!payer) throw settingsMissing();
        const type = settings.formType;
        const thresholds = thresholdsFor(year, {
          kGrossAbove: settings.kGrossThreshold,
          kCountAbove: settings.kCountThreshold,
          necAtLeast: settings.necThreshold,
        });
        const reportable = (await yearTotals(manager, tenant, year, type)).filter((totals) =>
          isReportable(type, totals, thresholds),
        );
        const issued = new Set(
          (
            (await manager.query(
              `SELECT DISTINCT account_id FROM tax_forms
               WHERE platform_id = ? AND livemode = ? AND tax_year = ? AND form_type = ?`,
              [tenant.platformId, tenant.livemode, year, type],
            )) as Array<{ account_id: string }>
          ).map((row) => row.account_id),
        );
        const profiles = await this.certifiedProfiles(
          manager,
          reportable.map((totals) => totals.accountId).filter((id) => !issued.has(id)),
        );
        const now = this.now();
        let created = 0;
        for (const totals of reportable) {
          const profile = profiles.get(totals.accountId);
          if (issued.has(totals.accountId) || !profile) continue;
          await this.issue(manager, {
            tenant,
            type,
            year,
            totals,
            recipient: recipientOf(profile),
            payer,
            consent: profile.edeliveryConsent,
            version: 1,
            runId,
            now,
          });
          created += 1;
        }
        const alreadyIssued = reportable.filter((totals) => issued.has(totals.accountId)).length;
        await manager.query(
          `INSERT INTO tax_form_runs
             (id, platform_id, livemode, tax_year, form_type, created_count, existing_count, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [runId, tenant.platformId, tenant.livemode, year, type, created, alreadyIssued, now],
        );
        return {
          id: runId,
          year,
          type: TaxFormTypeEnum[type],
          created,
          alreadyIssued,
          createdAt: now,
        };
      },
      (resultId) => this.run(tenant, resultId),
    );
  }

  /**
   * Makes the form of its account's year again from today's ledger, tax information and payer:
   * unchanged inputs give back the current version; changed ones issue the next version,
   * marked CORRECTED, and the one it replaces is kept as superseded.
   */
  async regenerate(tenant: Tenant, formId: string): Promise<TaxForm> {
    const form = await this.dataSource
      .getRepository(TaxForm)
      .findOneBy({ id: formId, platformId: tenant.platformId, livemode: tenant.livemode });
    if (!form) throw notFound('tax form', formId);
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const settings = await this.lockedSettings(manager, tenant);
        const payer = payerOf(settings);
        if (!payer) throw settingsMissing();
        const [current] = await manager.getRepository(TaxForm).find({
          where: {
            accountId: form.accountId,
            livemode: form.livemode,
            year: form.year,
            type: form.type,
          },
          order: { version: 'DESC' },
          take: 1,
        });
        const [totals] = await yearTotals(manager, tenant, form.year, form.type, form.accountId);
        const profile = (await this.certifiedProfiles(manager, [form.accountId])).get(
          form.accountId,
        );
        const recipient = profile ? recipientOf(profile) : current!.recipient;
        const inputs = {
          type: form.type,
          year: form.year,
          totals: totals ?? nothing(form.accountId, form.type),
          recipient,
          payer,
        };
        if (inputsHashOf(inputs) === current!.inputsHash) return current!;
        const corrected = await this.issue(manager, {
          tenant,
          ...inputs,
          consent: profile?.edeliveryConsent ?? false,
          version: current!.version + 1,
          runId: null,
          now: this.now(),
        });
        await manager
          .getRepository(TaxForm)
          .update(
            { id: current!.id },
            { status: TaxFormStatus.superseded, supersededBy: corrected.id },
          );
        return corrected;
      }),
    );
  }

  /** A page of the tenant's forms, newest first, filtered. */
  async list(tenant: Tenant, filter: TaxFormFilterInput, page: PageArgs) {
    const query = this.dataSource
      .getRepository(TaxForm)
      .createQueryBuilder('form')
      .where('form.platform_id = :platformId AND form.livemode = :livemode', tenant);
    if (filter.year !== undefined) query.andWhere('form.tax_year = :year', { year: filter.year });
    if (filter.account !== undefined)
      query.andWhere('form.account_id = :account', { account: filter.account });
    if (filter.type !== undefined) query.andWhere('form.form_type = :type', { type: filter.type });
    if (filter.status !== undefined)
      query.andWhere('form.status = :status', { status: filter.status });
    return newestFirstPage(
      query,
      'form',
      page,
      `taxForms:${tenant.platformId}:${tenant.livemode ? 'live' : 'test'}`,
    );
  }

  /** A page of one account's forms (every version), newest first. */
  listForAccount(account: AccountRef, page: PageArgs) {
    const query = this.dataSource
      .getRepository(TaxForm)
      .createQueryBuilder('form')
      .where(
        'form.account_id = :accountId AND form.platform_id = :platformId AND form.livemode = :livemode',
        accountRefOf(account),
      );
    return newestFirstPage(query, 'form', page, `accountTaxForms:${account.accountId}`);
  }

  /** A form with its PDF, for the download route (which checks who may see it). */
  withPdf(formId: string): Promise<TaxForm | null> {
    return this.dataSource
      .getRepository(TaxForm)
      .createQueryBuilder('form')
      .addSelect('form.pdf')
      .where('form.id = :formId', { formId })
      .getOne();
  }

  /** Renders and stores one version, with its event (or, by mail, the account's reads touched). */
  private async issue(
    manager: EntityManager,
    args: {
      tenant: Tenant;
      type: TaxFormType;
      year: number;
      totals: YearTotals;
      recipient: RecipientFacts;
      payer: PayerFacts;
      consent: boolean;
      version: number;
      runId: string | null;
      now: Date;
    },
  ): Promise<TaxForm> {
    const { tenant, type, year, totals, recipient, payer, version, now } = args;
    const id = newId('taxForm');
    const { renderTaxFormPdf } = await loadPdfRenderer();
    const pdf = Buffer.from(
      await renderTaxFormPdf({
        type,
        year,
        corrected: version > 1,
        version,
        formId: id,
        issuedAt: now,
        payer,
        recipient: {
          name: recipient.name,
          address: recipient.address,
          tin: truncatedTin(recipient.tinType, recipient.tinLast4),
        },
        accountNumber: totals.accountId,
        amount: totals.amount,
        transactionCount: totals.transactionCount,
        monthly: totals.monthly,
      }),
    );
    const form = manager.getRepository(TaxForm).create({
      id,
      accountId: totals.accountId,
      platformId: tenant.platformId,
      livemode: tenant.livemode,
      year,
      type,
      version,
      corrected: version > 1,
      status: args.consent ? TaxFormStatus.available : TaxFormStatus.mail_required,
      supersededBy: null,
      currency: 'usd',
      amount: totals.amount,
      transactionCount: totals.transactionCount,
      monthlyAmounts: totals.monthly,
      recipient,
      payer,
      inputsHash: inputsHashOf({ type, year, totals, recipient, payer }),
      pdf,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      runId: args.runId,
      createdAt: now,
    });
    await manager.getRepository(TaxForm).insert(form);
    const subject = { accountId: totals.accountId, ...tenant };
    if (form.status === TaxFormStatus.available)
      await recordEvent(
        manager,
        'ledger',
        'tax_form.available',
        subject,
        { taxFormId: id, taxYear: year, formType: type, corrected: form.corrected },
        now,
      );
    else await touchReads(manager, { accountId: totals.accountId });
    return form;
  }

  /** The tenant's settings row, made if missing, locked for the transaction. */
  private async lockedSettings(manager: EntityManager, tenant: Tenant): Promise<TaxSettingsRow> {
    const defaults = defaultSettings(tenant, this.now());
    await insertOrLock(manager, 'tax_settings', {
      platform_id: tenant.platformId,
      livemode: tenant.livemode,
      form_type: defaults.formType,
      updated_at: defaults.updatedAt,
    });
    return manager.getRepository(TaxSettingsRow).findOneOrFail({
      where: { platformId: tenant.platformId, livemode: tenant.livemode },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The tax profiles of accounts whose W-9 was certified: only they get forms. */
  private async certifiedProfiles(
    manager: EntityManager,
    accountIds: string[],
  ): Promise<Map<string, TaxProfileRow>> {
    if (accountIds.length === 0) return new Map();
    const rows = await manager
      .getRepository(TaxProfileRow)
      .createQueryBuilder('profile')
      .where('profile.account_id IN (:...accountIds)', { accountIds })
      .andWhere('profile.certified_at IS NOT NULL')
      .getMany();
    return new Map(rows.map((row) => [row.accountId, row]));
  }

  private async run(tenant: Tenant, runId: string): Promise<TaxFormGeneration> {
    const [row] = (await this.dataSource.query(
      `SELECT id, tax_year, form_type, created_count, existing_count, created_at
       FROM tax_form_runs WHERE id = ? AND platform_id = ? AND livemode = ?`,
      [runId, tenant.platformId, tenant.livemode],
    )) as RunRow[];
    if (!row) throw notFound('tax form generation', runId);
    return {
      id: row.id,
      year: Number(row.tax_year),
      type: TaxFormTypeEnum[row.form_type],
      created: Number(row.created_count),
      alreadyIssued: Number(row.existing_count),
      createdAt: row.created_at,
    };
  }
}

function settingsView(row: TaxSettingsRow): TaxSettings {
  return {
    formType: TaxFormTypeEnum[row.formType],
    payer:
      row.payerName && row.payerAddress && row.payerTin
        ? {
            name: row.payerName,
            address: row.payerAddress,
            phone: row.payerPhone,
            tinLast4: row.payerTin.slice(-4),
          }
        : null,
    kGrossAmountThreshold: row.kGrossThreshold,
    kTransactionCountThreshold: row.kCountThreshold,
    necAmountThreshold: row.necThreshold,
  };
}
