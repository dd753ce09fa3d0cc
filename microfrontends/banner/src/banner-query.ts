import { graphql } from './generated/index.js';
import type { BannerQuery } from './generated/graphql.js';

/**
 * What is due now: identity's requirements and risk interventions, and the platform's notices,
 * in one request.
 */
export const BANNER_QUERY = graphql(`
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
      # What risk interventions in force pause, and how the account lifts them here.
      riskInterventions(status: active) {
        id
        kind
        source
        signal
        reason
        resolution
        question
        requirement
        reservePercent
        reserveDays
        pausesPayouts
        disablesCharges
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
`);

export type BannerData = BannerQuery;
