#!/usr/bin/env bash
# Step 5b: verifies one delivery the way the standardwebhooks library does, with openssl: the
# signature is base64(HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<raw body>")), where the
# key is the base64 after `whsec_`, and the timestamp must be within five minutes of now.
# Exits 0 and prints the event's type when it verifies, 1 otherwise.
#   ./verify-webhook.sh whsec_… <webhook-id> <webhook-timestamp> '<webhook-signature>' body.json
set -euo pipefail
secret="$1" id="$2" timestamp="$3" signatures="$4" body_file="$5"

now=$(date +%s)
if ((timestamp < now - 300 || timestamp > now + 300)); then
  echo "timestamp too far from now" >&2
  exit 1
fi
key_hex=$(printf '%s' "${secret#whsec_}" | base64 -d | xxd -p -c 256)
expected=$({ printf '%s.%s.' "$id" "$timestamp"; cat "$body_file"; } |
  openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | base64)
# The header may hold several signatures (while a rolled secret still signs): any may match.
for signature in $signatures; do
  if [[ "$signature" == "v1,$expected" ]]; then
    jq -r '.type' "$body_file"
    exit 0
  fi
done
echo "signature does not match" >&2
exit 1
