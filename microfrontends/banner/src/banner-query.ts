/** What is due now: identity's requirements and the platform's notices, in one request. */
export const BANNER_QUERY = /* GraphQL */ `
  query Banner {
    me {
      id
      detailsSubmitted
      chargesEnabled
      payoutsEnabled
      requirements {
        currentlyDue
        pastDue
        currentDeadline
        disabledReason
      }
      notices {
        id
        kind
        title
        body
        actionLabel
        actionUrl
        dueBy
      }
    }
  }
`;

export interface BannerData {
  me: {
    detailsSubmitted: boolean;
    chargesEnabled: boolean;
    payoutsEnabled: boolean;
    requirements: {
      currentlyDue: string[];
      pastDue: string[];
      currentDeadline: string | null;
      disabledReason: string | null;
    } | null;
    notices: Array<{
      id: string;
      kind: 'risk_intervention' | 'compliance_update';
      title: string;
      body: string;
      actionLabel: string | null;
      actionUrl: string | null;
      dueBy: string | null;
    }>;
  };
}
