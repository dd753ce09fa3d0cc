import type { GraphqlClient } from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type { ActivityQuery, NotificationPreferencesInput } from './generated/graphql.js';

const ACTIVITY = graphql(`
  query Activity($after: String, $locale: String) {
    me {
      id
      # Items are written in the reader's language when read, so a zh-CN reader reads Chinese.
      activity(first: 25, after: $after, locale: $locale) {
        nodes {
          id
          kind
          title
          body
          createdAt
          readAt
          href
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const MARK_ACTIVITY_READ = graphql(`
  mutation MarkActivityRead($ids: [ID!]) {
    markActivityRead(ids: $ids)
  }
`);

graphql(`
  fragment Preferences on NotificationPreferences {
    emailPayoutFailed
    emailDisputeOpened
    emailRequirementsDue
  }
`);

const NOTIFICATION_PREFERENCES = graphql(`
  query NotificationPreferences {
    me {
      id
      notificationPreferences {
        ...Preferences
      }
    }
  }
`);

const UPDATE_NOTIFICATION_PREFERENCES = graphql(`
  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      ...Preferences
    }
  }
`);

export type ActivityRow = ActivityQuery['me']['activity']['nodes'][number];
export type { PreferencesFragment as Preferences } from './generated/graphql.js';

export function activityApi(client: GraphqlClient) {
  return {
    page: async (after: string | null, locale: string) =>
      (await client.query(ACTIVITY, { after, locale })).me.activity,
    markRead: (ids?: string[]) => client.query(MARK_ACTIVITY_READ, { ids }),
    /** Undefined when only the account itself could read them and this caller is not it. */
    preferences: async () =>
      (await client.query(NOTIFICATION_PREFERENCES)).me.notificationPreferences ?? undefined,
    savePreferences: (input: NotificationPreferencesInput) =>
      client.query(UPDATE_NOTIFICATION_PREFERENCES, { input }),
  };
}

export type ActivityApi = ReturnType<typeof activityApi>;
