#!/usr/bin/env bash
# Step 3: a payment to an onboarded account. The amount is in the currency's minor unit
# (2500 is $25.00). Retrying with the same idempotency key answers the same charge.
# Prints the charge as JSON.
#   DASH_API_KEY=sk_test_… ./create-charge.sh acct_… 2500 [idempotency-key]
set -euo pipefail
: "${DASH_API_KEY:?Set DASH_API_KEY to your secret key (sk_test_…)}"
API="${DASH_API_URL:-http://127.0.0.1:4000/graphql}"

body=$(jq -n --arg account "$1" --argjson amount "$2" --arg key "${3:-charge-$(date +%s%N)}" '{
  query: "mutation CreateCharge($input: ChargeInput!, $key: String!) {
    createCharge(input: $input, idempotencyKey: $key) {
      id status amount fee net balanceTransaction { availableOn }
    }
  }",
  variables: {
    key: $key,
    input: {
      account: $account, amount: $amount, currency: "usd", description: "Ride #1001",
      customerEmail: "ana@example.com", cardBrand: "visa", cardLast4: "4242",
      applicationFeeAmount: 200
    }
  }
}')
answer=$(curl -sS "$API" -H "authorization: Bearer $DASH_API_KEY" \
  -H 'content-type: application/json' -d "$body")
if jq -e '.errors' <<<"$answer" >/dev/null; then echo "$answer" >&2; exit 1; fi
jq '.data.createCharge' <<<"$answer"
