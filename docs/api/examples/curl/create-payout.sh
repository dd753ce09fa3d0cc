#!/usr/bin/env bash
# Step 4: pays part of the account's available balance out to its bank account. A charge's money
# is pending until its availableOn; before that this fails with FAILED_PRECONDITION, reason
# INSUFFICIENT_FUNDS. Prints the payout as JSON.
#   DASH_API_KEY=sk_test_… ./create-payout.sh acct_… 2000 [idempotency-key]
set -euo pipefail
: "${DASH_API_KEY:?Set DASH_API_KEY to your secret key (sk_test_…)}"
API="${DASH_API_URL:-http://127.0.0.1:4000/graphql}"

body=$(jq -n --arg account "$1" --argjson amount "$2" --arg key "${3:-payout-$(date +%s%N)}" '{
  query: "mutation CreatePayout($account: ID!, $input: PayoutInput!, $key: String!) {
    createPayout(account: $account, input: $input, idempotencyKey: $key) {
      id status amount currency arrivalDate
    }
  }",
  variables: { account: $account, input: { amount: $amount, currency: "usd" }, key: $key }
}')
answer=$(curl -sS "$API" -H "authorization: Bearer $DASH_API_KEY" \
  -H 'content-type: application/json' -d "$body")
if jq -e '.errors' <<<"$answer" >/dev/null; then echo "$answer" >&2; exit 1; fi
jq '.data.createPayout' <<<"$answer"
