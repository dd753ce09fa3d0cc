#!/usr/bin/env bash
# Step 1: an Express account, in the mode of your key. Prints the account's id (acct_…).
#   DASH_API_KEY=sk_test_… ./create-account.sh seller@example.com [US]
set -euo pipefail
: "${DASH_API_KEY:?Set DASH_API_KEY to your secret key (sk_test_…)}"
API="${DASH_API_URL:-http://127.0.0.1:4000/graphql}"

body=$(jq -n --arg email "$1" --arg country "${2:-US}" '{
  query: "mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) { id chargesEnabled requirements { currentlyDue } }
  }",
  variables: { input: { email: $email, country: $country } }
}')
answer=$(curl -sS "$API" -H "authorization: Bearer $DASH_API_KEY" \
  -H 'content-type: application/json' -d "$body")
# Errors come in .errors, with extensions.code and extensions.reason (docs/api/errors.md).
if jq -e '.errors' <<<"$answer" >/dev/null; then echo "$answer" >&2; exit 1; fi
jq -r '.data.createAccount.id' <<<"$answer"
