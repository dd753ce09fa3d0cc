import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { PageArgs, toPage } from '@dash/subgraph';
import { Account } from '../account/account.type.js';
import type { LedgerContext } from '../context.js';
import { TaxForm } from './tax-form.entity.js';
import { TaxFormFilterInput, TaxSettingsInput } from './tax-form.input.js';
import { TaxFormGeneration, TaxFormPage, TaxSettings, TaxThresholds } from './tax-form.type.js';
import { thresholdsFor } from './thresholds.rules.js';

/** What a platform does with its accounts' tax forms, through the API with its key. */
@Resolver()
export class TaxFormResolver {
  @Query(() => TaxFormPage, {
    description: 'The key’s platform’s tax forms in the key’s mode, every version, newest first.',
  })
  taxForms(
    @Args() page: PageArgs,
    @Arg('filter', () => TaxFormFilterInput, {
      nullable: true,
      description: 'Leave out for every form.',
    })
    filter: TaxFormFilterInput | undefined,
    @Ctx() context: LedgerContext,
  ): Promise<TaxFormPage> {
    return context.taxForms.list(context.access.platform(), filter ?? {}, page);
  }

  @Query(() => TaxSettings, {
    description: 'The key’s platform’s tax settings in the key’s mode.',
  })
  taxSettings(@Ctx() context: LedgerContext): Promise<TaxSettings> {
    return context.taxForms.settings(context.access.platform());
  }

  @Mutation(() => TaxSettings, {
    description:
      'Sets the payer printed on the forms, which form the platform files (1099-K or 1099-NEC) and its own thresholds, for the key’s mode.',
  })
  setTaxSettings(
    @Arg('input', () => TaxSettingsInput, { description: 'What to change.' })
    input: TaxSettingsInput,
    @Ctx() context: LedgerContext,
  ): Promise<TaxSettings> {
    return context.taxForms.setSettings(context.access.platform(), input);
  }

  @Mutation(() => TaxFormGeneration, {
    description:
      'Issues the year’s form (the settings’ formType) to every US account over the thresholds that has none yet; with e-delivery consent it is available in the dashboard and the account is emailed, otherwise it is mail_required. Live mode: ended years only. The same idempotency key returns the first generation.',
  })
  generateTaxForms(
    @Arg('year', () => Int, { description: 'The calendar year to report.' }) year: number,
    @Arg('idempotencyKey', {
      description: 'Any unique string of yours: a retry with it does not generate again.',
    })
    idempotencyKey: string,
    @Ctx() context: LedgerContext,
  ): Promise<TaxFormGeneration> {
    return context.taxForms.generate(context.access.platform(), year, idempotencyKey);
  }

  @Mutation(() => TaxForm, {
    description:
      'Makes a form again from today’s ledger, tax information and payer: unchanged, the current version comes back; changed, a new version marked CORRECTED replaces it (the old one is kept, superseded).',
  })
  regenerateTaxForm(
    @Arg('id', () => ID, { description: 'The form, `taxform_…` (any of its versions).' })
    id: string,
    @Ctx() context: LedgerContext,
  ): Promise<TaxForm> {
    return context.taxForms.regenerate(context.access.platform(), id);
  }
}

/** The thresholds a platform's settings give for a year. */
@Resolver(() => TaxSettings)
export class TaxSettingsResolver {
  @FieldResolver(() => TaxThresholds, {
    description: 'The thresholds its forms of a year are filed by: its own, else the federal.',
  })
  thresholds(
    @Root() settings: TaxSettings,
    @Arg('year', () => Int, { description: 'The calendar year.' }) year: number,
  ): TaxThresholds {
    const thresholds = thresholdsFor(year, {
      kGrossAbove: settings.kGrossAmountThreshold,
      kCountAbove: settings.kTransactionCountThreshold,
      necAtLeast: settings.necAmountThreshold,
    });
    return {
      year,
      kGrossAmountAbove: thresholds.kGrossAbove,
      kTransactionCountAbove: thresholds.kCountAbove,
      necAmountAtLeast: thresholds.necAtLeast,
    };
  }
}

/** An account's own tax forms: the dashboard's Tax forms page, or the platform's account(id). */
@Resolver(() => Account)
export class AccountTaxFormsResolver {
  @FieldResolver(() => TaxFormPage, {
    description: 'Its US tax forms, every version, newest first; empty outside the US.',
  })
  async taxForms(
    @Root() root: Account,
    @Args() page: PageArgs,
    @Ctx() context: LedgerContext,
  ): Promise<TaxFormPage> {
    const account = await context.access.readAccount(root.id);
    if (!account) return toPage<TaxForm>([], page.first);
    return context.taxForms.listForAccount(account, page);
  }
}
