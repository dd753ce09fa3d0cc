import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { EMBEDDED_COMPONENTS } from '@dash/auth-context';
import { embeddableMicrofrontends, workspacePath } from '@dash/manifest';
import { embeddedAllows, EMBEDDED_ROOT_FIELDS } from '../src/embedded/embedded-operations.js';

/** Every operation a micro-frontend sends: its generated documents. */
function operationsOf(folder: string): OperationDefinitionNode[] {
  const generated = readFileSync(workspacePath(folder, 'src/generated/graphql.ts'), 'utf8');
  return [...generated.matchAll(/new TypedDocumentString\(`([\s\S]*?)`/g)].flatMap(([, text]) =>
    parse(text!).definitions.filter((node) => node.kind === Kind.OPERATION_DEFINITION),
  );
}

/** The shared library's own operations (the session read, the bank change's code). */
function sharedOperations(): OperationDefinitionNode[] {
  return ['session.ts', 'payout-details.ts'].flatMap((file) => {
    const source = readFileSync(workspacePath('packages/web-kit', 'src', file), 'utf8');
    return [...source.matchAll(/[`'](query|mutation) ([A-Z][\s\S]*?)[`']/g)].flatMap(([text]) =>
      parse(text!.slice(1, -1)).definitions.filter(
        (node) => node.kind === Kind.OPERATION_DEFINITION,
      ),
    );
  });
}

/**
 * Operations a micro-frontend sends only outside a platform's page: onboarding opens an account
 * link and ends its session, which an embedded page has neither of, and sends identity documents,
 * whose pages go to /files, which refuses another site's page (as the banner's risk notices do);
 * the payout methods page is not offered inside a platform's page (the balance card's bank
 * change is).
 */
const NEVER_EMBEDDED: Record<string, readonly string[]> = {
  account_onboarding: ['OpenAccountLink', 'SignOut', 'AttachVerificationDocument'],
  notification_banner: ['AttachVerificationDocument'],
  payouts: ['AddPayoutMethod', 'MakeDefaultPayoutMethod', 'RemovePayoutMethod'],
};

const rootFields = (operation: OperationDefinitionNode) =>
  operation.selectionSet.selections.flatMap((selection) =>
    selection.kind === Kind.FIELD ? [selection.name.value] : [],
  );

describe('what embedded components may ask', () => {
  const embeddable = embeddableMicrofrontends();

  it('names every embedded component in the manifest, and nothing else', () => {
    expect(Object.keys(embeddable).sort()).toEqual([...EMBEDDED_COMPONENTS].sort());
    expect(Object.keys(EMBEDDED_ROOT_FIELDS).sort()).toEqual([...EMBEDDED_COMPONENTS].sort());
    // The session read and the bank change's three steps are found where they are written.
    expect(sharedOperations().map((operation) => operation.name?.value)).toEqual([
      'Session',
      'StartPayoutDetailsChange',
      'ResendPayoutDetailsCode',
      'ChangeBankAccount',
    ]);
  });

  it.each(Object.entries(embeddable))(
    '%s: every operation its micro-frontend sends is allowed to it alone',
    (component, entry) => {
      const operations = operationsOf(entry.folder).filter(
        (operation) => !NEVER_EMBEDDED[component]?.includes(operation.name?.value ?? ''),
      );
      expect(operations.length).toBeGreaterThan(0);
      const asked = [
        ...operations,
        // The balance card and onboarding add a bank account through the shared library's operations.
        ...(component === 'balances' || component === 'account_onboarding'
          ? sharedOperations()
          : sharedOperations().filter((o) => o.operation === 'query')),
      ];
      for (const operation of asked)
        for (const field of rootFields(operation))
          expect(
            embeddedAllows([component as never], operation.operation, field),
            `${component} sends ${operation.operation} ${field}`,
          ).toBe(true);
    },
  );

  it('lets no component change the account’s contact, close it, sign out or act as a platform', () => {
    for (const field of [
      'startContactChange',
      'confirmContactChange',
      'closeAccount',
      'signOut',
      'createLoginLink',
      'createAccountSession',
      'createApiKey',
      'setEmbedOrigins',
      'updatePlatformBranding',
    ])
      expect(embeddedAllows(EMBEDDED_COMPONENTS, 'mutation', field)).toBe(false);
    for (const field of ['account', 'accounts', 'events', 'webhookEndpoints', 'apiKeys'])
      expect(embeddedAllows(EMBEDDED_COMPONENTS, 'query', field)).toBe(false);
    expect(embeddedAllows(['payouts'], 'mutation', 'payOut')).toBe(false);
    expect(embeddedAllows(['notification_banner'], 'mutation', 'refundPayment')).toBe(false);
  });
});
