#!/usr/bin/env bash
# Step 5a: an endpoint of yours that receives every event, signed per Standard Webhooks.
# Prints `we_… whsec_…`: the secret is shown only now, keep it to verify deliveries.
#   DASH_API_KEY=sk_test_… ./create-webhook-endpoint.sh https://platform.example/webhooks
set -euo pipefail
: "${DASH_API_KEY:?Set DASH_API_KEY to your secret key (sk_test_…)}"
API="${DASH_API_URL:-http://127.0.0.1:4000/graphql}"

body=$(jq -n --arg url "$1" '{
  query: "mutation CreateWebhookEndpoint($url: String!) {
    createWebhookEndpoint(url: $url, enabledEvents: [\"*\"]) { endpoint { id } secret }
  }",
  variables: { url: $url }
}')
answer=$(curl -sS "$API" -H "authorization: Bearer $DASH_API_KEY" \
  -H 'content-type: application/json' -d "$body")
if jq -e '.errors' <<<"$answer" >/dev/null; then echo "$answer" >&2; exit 1; fi
jq -r '.data.createWebhookEndpoint | "\(.endpoint.id) \(.secret)"' <<<"$answer"
