import { graphqlClient, type GraphqlClient } from './graphql.js';
import type { Locale } from './locale.js';
import { getSession, setLocale, setSession } from './state.js';

const SAVE_LOCALE = `mutation SaveLocale($locale: String) {
  updateNotificationPreferences(input: { locale: $locale }) { locale }
}`;

/**
 * A language someone picks (the top bar's switch, Settings): the page switches at once and, once
 * signed in, it becomes the account's own choice, which every device it signs in from and its
 * emails and text messages follow. Rejects when the account's choice could not be saved; the
 * page has switched all the same, and this browser keeps it.
 */
export async function chooseLocale(
  locale: Locale,
  client: GraphqlClient = graphqlClient(),
): Promise<void> {
  const switching = setLocale(locale);
  if (getSession().accountId) {
    await client.query(SAVE_LOCALE, { locale });
    setSession({ ...getSession(), locale });
  }
  await switching;
}
