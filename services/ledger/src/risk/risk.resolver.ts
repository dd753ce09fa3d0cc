import { IsOptional, Max, Min } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { PageArgs } from '@dash/subgraph';
import { Account } from '../account/account.type.js';
import type { LedgerContext } from '../context.js';
import { RiskSettings, RiskSettingsInput } from './risk-settings.type.js';
import {
  AccountAtRiskPage,
  AccountsAtRiskFilter,
  RiskSignal,
  RiskSignalPoint,
} from './risk-signal.type.js';

/** A platform's risk settings and the accounts its signals point at, with its key. */
@Resolver()
export class RiskResolver {
  @Query(() => RiskSettings, {
    description: 'The key’s platform’s risk settings in the key’s mode.',
  })
  riskSettings(@Ctx() context: LedgerContext): Promise<RiskSettings> {
    return context.riskSettings.view(context.access.platform());
  }

  @Mutation(() => RiskSettings, {
    description:
      'Changes the key’s platform’s risk settings in the key’s mode; what is left out stays. A value out of its range is refused (RISK_SETTING_OUT_OF_RANGE, naming the field).',
  })
  setRiskSettings(
    @Arg('input', () => RiskSettingsInput, { description: 'The settings to change.' })
    input: RiskSettingsInput,
    @Ctx() context: LedgerContext,
  ): Promise<RiskSettings> {
    return context.riskSettings.set(context.access.platform(), input);
  }

  @Query(() => AccountAtRiskPage, {
    description:
      'The key’s platform’s accounts with a breached risk signal (or as the filter asks), by account id.',
  })
  accountsAtRisk(
    @Args() page: PageArgs,
    @Arg('filter', () => AccountsAtRiskFilter, {
      nullable: true,
      description: 'Which accounts: by signal, breached or not (breached by default).',
    })
    filter: AccountsAtRiskFilter | undefined,
    @Ctx() context: LedgerContext,
  ): Promise<AccountAtRiskPage> {
    return context.riskSignals.atRisk(context.access.platform(), filter ?? {}, page);
  }
}

/**
 * The account's risk signals: the platform's to read, never the account's own. The account
 * (its dashboard, an embedded component) gets an empty list, as another tenant does, not an
 * error: a whole-account read from the dashboard is not refused for one field it may not see.
 */
@Resolver(() => Account)
export class AccountRiskSignalsResolver {
  @FieldResolver(() => [RiskSignal], {
    description:
      'What the ledger watches on the account, as last computed. For platform keys; empty for the account itself.',
  })
  async riskSignals(@Root() root: Account, @Ctx() context: LedgerContext): Promise<RiskSignal[]> {
    if (context.access.caller.kind !== 'platform') return [];
    const account = await context.access.readAccount(root.id);
    return account ? context.riskSignals.ofAccount(account) : [];
  }
}

@ArgsType()
class HistoryArgs {
  @Field(() => Int, { defaultValue: 30, description: 'How many points, 1 to 100.' })
  @IsOptional()
  @Min(1)
  @Max(100)
  first!: number;
}

@Resolver(() => RiskSignal)
export class RiskSignalHistoryResolver {
  @FieldResolver(() => [RiskSignalPoint], {
    description: 'Each time its value or breach changed, newest first.',
  })
  history(
    @Root() signal: RiskSignal,
    @Args() { first }: HistoryArgs,
    @Ctx() context: LedgerContext,
  ): Promise<RiskSignalPoint[]> {
    return context.riskSignals.history(signal, first);
  }
}
