#!/usr/bin/env bash
# Step 2: a single-use onboarding link (five minutes) for the account's owner. Prints its URL.
# Hand it over inside your own signed-in pages, never by email.
#   DASH_API_KEY=sk_test_… ./create-account-link.sh acct_…
set -euo pipefail
: "${DASH_API_KEY:?Set DASH_API_KEY to your secret key (sk_test_…)}"
API="${DASH_API_URL:-http://127.0.0.1:4000/graphql}"

body=$(jq -n --arg account "$1" '{
  query: "mutation CreateAccountLink($account: ID!) {
    createAccountLink(
      account: $account
      type: account_onboarding
      refreshUrl: \"https://platform.example/onboarding/refresh\"
      returnUrl: \"https://platform.example/onboarding/done\"
    ) { url expiresAt }
  }",
  variables: { account: $account }
}')
answer=$(curl -sS "$API" -H "authorization: Bearer $DASH_API_KEY" \
  -H 'content-type: application/json' -d "$body")
if jq -e '.errors' <<<"$answer" >/dev/null; then echo "$answer" >&2; exit 1; fi
jq -r '.data.createAccountLink.url' <<<"$answer"
