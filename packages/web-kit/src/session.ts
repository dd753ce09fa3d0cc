import { graphqlClient, type GraphqlClient } from './graphql.js';
import { isLocale } from './locale.js';
import {
  getSession,
  setBranding,
  setSession,
  type PlatformFeatures,
  type Session,
} from './state.js';

/**
 * Who is signed in and their platform: everything the frame shows and several micro-frontends
 * need (the currency money is shown in, what the platform lets the account do), in one request
 * for the whole page.
 */
const SESSION_QUERY = `query Session {
  me {
    id displayName defaultCurrency livemode unreadActivityCount
    notificationPreferences { locale }
    platform {
      name brandColor iconUrl supportEmail supportPhone supportUrl
      features {
        closeAccount editPublicInfo issueRefunds editPayoutSchedule editBankAccounts
        instantPayouts manageDisputes reserveTopUps
      }
    }
  }
}`;

interface SessionData {
  me: {
    id: string;
    displayName: string;
    defaultCurrency: string;
    livemode: boolean;
    unreadActivityCount: number;
    notificationPreferences: { locale: string | null } | null;
    platform: {
      name: string;
      brandColor: string;
      iconUrl: string | null;
      supportEmail: string | null;
      supportPhone: string | null;
      supportUrl: string | null;
      features: PlatformFeatures;
    };
  };
}

/** The account's language when it chose one this dashboard speaks. */
const chosenLocale = (locale: string | null | undefined) => (isLocale(locale) ? locale : null);

/** A session whose account was read: what `readSession` promises. */
export type SignedInSession = Session &
  Required<Pick<Session, 'accountId' | 'defaultCurrency' | 'features'>>;

/** The read under way, shared by everyone who asks meanwhile; forgotten once it settles. */
let reading: Promise<SignedInSession> | undefined;

/**
 * Reads the session and publishes it (session and branding). A read already under way is
 * shared rather than repeated; a failed one is forgotten, so the next call asks again.
 */
export function loadSession(client: GraphqlClient = graphqlClient()): Promise<SignedInSession> {
  reading ??= client
    .query<SessionData>(SESSION_QUERY)
    .then(({ me }) => {
      setSession({
        accountId: me.id,
        displayName: me.displayName,
        defaultCurrency: me.defaultCurrency,
        livemode: me.livemode,
        unreadActivityCount: me.unreadActivityCount,
        features: me.platform.features,
        locale: chosenLocale(me.notificationPreferences?.locale),
      });
      const { platform } = me;
      setBranding({
        platformName: platform.name,
        brandColor: platform.brandColor,
        iconUrl: platform.iconUrl,
        support: {
          email: platform.supportEmail,
          phone: platform.supportPhone,
          url: platform.supportUrl,
        },
      });
      return getSession() as SignedInSession;
    })
    .finally(() => (reading = undefined));
  return reading;
}

const isRead = (session: Session): session is SignedInSession =>
  session.accountId !== undefined &&
  session.defaultCurrency !== undefined &&
  session.features !== undefined;

/**
 * The session as the page shares it. In the shell it is there already or on its way (the frame
 * reads it before any micro-frontend mounts); a micro-frontend mounted alone asks once itself.
 */
export function readSession(client?: GraphqlClient): Promise<SignedInSession> {
  const session = getSession();
  if (isRead(session)) return Promise.resolve(session);
  return loadSession(client);
}
