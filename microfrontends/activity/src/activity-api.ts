import type { GraphqlClient } from '@dash/web-kit';

export interface ActivityRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  href: string | null;
}

export interface Preferences {
  emailPayoutFailed: boolean;
  emailDisputeOpened: boolean;
  emailRequirementsDue: boolean;
  locale: string;
}

export function activityApi(client: GraphqlClient) {
  return {
    page: async (after: string | null) =>
      (
        await client.query<{
          me: {
            activity: {
              nodes: ActivityRow[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          };
        }>(
          `query Activity($after: String) {
            me { id activity(first: 25, after: $after) { nodes { id kind title body createdAt readAt href } pageInfo { hasNextPage endCursor } } }
          }`,
          { after },
        )
      ).me.activity,
    markRead: (ids?: string[]) =>
      client.query<{ markActivityRead: number }>(
        'mutation MarkActivityRead($ids: [ID!]) { markActivityRead(ids: $ids) }',
        { ids },
      ),
    preferences: async () =>
      (
        await client.query<{ me: { notificationPreferences: Preferences } }>(
          'query NotificationPreferences { me { id notificationPreferences { emailPayoutFailed emailDisputeOpened emailRequirementsDue locale } } }',
        )
      ).me.notificationPreferences,
    savePreferences: (input: Partial<Preferences>) =>
      client.query<{ updateNotificationPreferences: Preferences }>(
        'mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { emailPayoutFailed emailDisputeOpened emailRequirementsDue locale } }',
        { input },
      ),
  };
}

export type ActivityApi = ReturnType<typeof activityApi>;
