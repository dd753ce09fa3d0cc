import {
  Arg,
  Ctx,
  Field,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import { EMBEDDED_COMPONENTS, type EmbeddedComponent } from '@dash/auth-context';
import { ListArg } from '@dash/subgraph';
import type { IdentityContext } from '../context.js';
import { MAX_EMBED_ORIGINS } from './embed-origin.rules.js';
import { componentsOf, type NewAccountSession } from './account-session.service.js';

/** The GraphQL enum of EMBEDDED_COMPONENTS: its values are the same strings. */
const EmbeddedComponentEnum = Object.fromEntries(
  EMBEDDED_COMPONENTS.map((component) => [component, component]),
) as { [Component in EmbeddedComponent]: Component };

registerEnumType(EmbeddedComponentEnum, {
  name: 'EmbeddedComponent',
  description: 'A part of the dashboard a platform can show inside its own web app.',
  valuesConfig: {
    balances: {
      description: '`<dash-balances>`: the balance card, with paying out where allowed.',
    },
    payments: { description: '`<dash-payments>`: payments, their details and refunds.' },
    payouts: { description: '`<dash-payouts>`: payouts and their details.' },
    account_onboarding: {
      description:
        '`<dash-account-onboarding>`: onboarding and what is due later, step by step; leaving it fires `dash-onboarding-exit`.',
    },
    notification_banner: {
      description:
        '`<dash-notification-banner>`: what the account must do now (requirements, notices).',
    },
  },
});

@ObjectType({
  description:
    'A short-lived session that lets one account use embedded components in the platform’s web app.',
})
class AccountSession {
  @Field(() => ID, { description: 'The session’s id, `acs_…`.' }) id!: string;
  @Field(() => ID, { description: 'The account it opens, `acct_…`.' }) account!: string;
  @Field(() => [EmbeddedComponentEnum], { description: 'The components it opens.' })
  components!: EmbeddedComponent[];
  @Field({
    description:
      'Hand this to the embedding script in the browser; keep it out of logs and URLs. Only its hash is stored.',
  })
  clientSecret!: string;
  @Field({ description: 'When the secret stops working; ask for a new session then.' })
  expiresAt!: Date;
  @Field({ description: 'False for a test-mode account.' }) livemode!: boolean;
}

const toAccountSession = ({ session, clientSecret }: NewAccountSession): AccountSession => ({
  id: session.id,
  account: session.accountId,
  components: componentsOf(session),
  clientSecret,
  expiresAt: session.expiresAt,
  livemode: session.livemode,
});

/** Embedded components: account sessions, and where a platform's web app may use them. */
@Resolver()
export class EmbeddingResolver {
  @Mutation(() => AccountSession, {
    description:
      'Opens embedded components for one account, for 30 minutes. Call it from your server when your page loads and hand `clientSecret` to the embedding script. Refused (FAILED_PRECONDITION, reason NO_EMBED_ORIGINS) until setEmbedOrigins lists where your app runs.',
  })
  async createAccountSession(
    @Arg('account', () => ID, { description: 'The account, `acct_…`.' }) accountId: string,
    @ListArg('components', () => [EmbeddedComponentEnum], {
      description: 'The components the page shows.',
      maxItems: 10,
    })
    components: EmbeddedComponent[],
    @Ctx() { access, accountSessions, log }: IdentityContext,
  ): Promise<AccountSession> {
    const { keyId } = access.apiKey();
    const owned = await access.writeAccount(accountId);
    const created = await accountSessions.create(owned, components, keyId);
    log.info({ accountSessionId: created.session.id, accountId, keyId }, 'account session created');
    return toAccountSession(created);
  }

  @Query(() => [String], {
    description: 'The origins your web app may use embedded components from, in the key’s mode.',
  })
  embedOrigins(@Ctx() { access, accountSessions }: IdentityContext): Promise<string[]> {
    return accountSessions.origins(access.platform());
  }

  @Mutation(() => [String], {
    description:
      'Replaces the origins (`https://app.example.com`; http only for localhost) your web app may use embedded components from, in the key’s mode: at most 10. The gateway answers cross-origin requests from these only. A removed origin stops working within a minute.',
  })
  setEmbedOrigins(
    @ListArg('origins', () => [String], {
      description: 'Every origin, each scheme://host[:port].',
      maxItems: MAX_EMBED_ORIGINS,
    })
    origins: string[],
    @Ctx() { access, accountSessions }: IdentityContext,
  ): Promise<string[]> {
    return accountSessions.setOrigins(access.platform(), origins);
  }
}
