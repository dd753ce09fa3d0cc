import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { EmbeddedComponent } from '@dash/auth-context';
import type { GatewayContext } from '../context.js';

interface RootFields {
  query: readonly string[];
  mutation: readonly string[];
}

/**
 * What each embedded component may ask, by root field: its micro-frontend's operations and the
 * shared session read (`me`). Reading is the account's own data, which its platform reads with
 * its key anyway; the list matters most for changes — a page holding a client secret for the
 * balance card can pay out, but never change the account's email, close it or sign it out.
 * A test checks every component's micro-frontend asks nothing outside its list.
 */
export const EMBEDDED_ROOT_FIELDS: Readonly<Record<EmbeddedComponent, RootFields>> = {
  balances: {
    query: ['me', 'payoutQuote'],
    mutation: [
      'payOut',
      'updateMyPayoutSchedule',
      'topUpReserve',
      'startPayoutDetailsChange',
      'resendPayoutDetailsCode',
      'changeExternalAccount',
    ],
  },
  payments: { query: ['me'], mutation: ['refundPayment'] },
  payouts: { query: ['me'], mutation: [] },
  // The banner resolves a risk intervention's request for information in place; a document's
  // pages go to /files, which refuses another site's page, so embedded it links to onboarding.
  notification_banner: { query: ['me'], mutation: ['resolveRiskIntervention'] },
  // Onboarding as a signed-in account does it: the bank account and, once submitted, identity
  // details through the emailed code.
  account_onboarding: {
    query: ['me', 'onboarding'],
    mutation: [
      'saveOnboardingDetails',
      'startAccountDetailsChange',
      'resendAccountDetailsCode',
      'submitOnboarding',
      'addOnboardingBankAccount',
      'startPayoutDetailsChange',
      'resendPayoutDetailsCode',
      'changeExternalAccount',
    ],
  },
};

/** The root fields an operation asks for, through fragments and inline fragments alike. */
function rootFieldsOf(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return rootFieldsOf(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments.get(name);
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return rootFieldsOf(fragment.selectionSet, fragments, seen);
  });
}

const notEmbeddable = (field: string) =>
  new GraphQLError(`${field} is not available to this page's embedded components.`, {
    extensions: { code: 'FORBIDDEN', reason: 'NOT_EMBEDDABLE', http: { status: 403 } },
  });

/** Whether `components` together allow asking `field` in an operation of this type. */
export function embeddedAllows(
  components: readonly EmbeddedComponent[],
  operation: `${OperationDefinitionNode['operation']}`,
  field: string,
): boolean {
  if (field === '__typename') return true;
  if (operation === 'subscription') return false;
  return components.some((component) =>
    EMBEDDED_ROOT_FIELDS[component]?.[operation].includes(field),
  );
}

/**
 * Runs an embedded component's operation only when every root field it asks for belongs to one
 * of the components its client secret opens; anything else is FORBIDDEN (NOT_EMBEDDABLE).
 */
export function embeddedOperationsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const { caller } = contextValue;
      if (caller.kind !== 'account' || !caller.embedded) return;
      const components = caller.embedded;
      return {
        async didResolveOperation({ document, operation }) {
          if (!operation) return;
          const fragments = new Map(
            document.definitions
              .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
              .map((fragment) => [fragment.name.value, fragment] as const),
          );
          for (const field of rootFieldsOf(operation.selectionSet, fragments))
            if (!embeddedAllows(components, operation.operation, field)) throw notEmbeddable(field);
        },
      };
    },
  };
}
