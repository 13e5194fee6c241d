#!/usr/bin/env bash
# Attacks the HTTP API with schemathesis (PyPI) as a lead of the demo district (Tariq Johnson, Grade 6 math, who may
# use every path): every operation of /openapi.json with generated and mutated inputs. Fails on any server error, any response that breaks the
# contract (status, content type, headers, body schema), a method the contract lacks not answered 405, or
# schema-invalid input accepted.
#   bash Scripts/check-api.sh [path of the smallwins binary]
set -euo pipefail
cd "$(dirname "$0")/.."
smallwins="${1:-$(swift build --show-bin-path)/smallwins}"
work=$(mktemp -d)
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
"$smallwins" demo --out "$work/demo" >/dev/null
export SMALLWINS_DATABASE="$work/demo/demo.sqlite"
token=$("$smallwins" token create --member "Tariq Johnson" --name schemathesis | tail -1)
"$smallwins" serve --port 0 > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q Serving "$work/serve.log" && break; sleep 0.1; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
[ -n "$port" ] || { cat "$work/serve.log"; exit 1; }
# From the scratch folder: schemathesis keeps a cache (.schemathesis/) in the folder it runs in.
(cd "$work" && st run "http://127.0.0.1:$port/openapi.json" --url "http://127.0.0.1:$port/v1" -H "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,unsupported_method,negative_data_rejection \
    --max-examples "${SMALLWINS_API_EXAMPLES:-25}" --workers 2 --seed 20261206 --no-color 2>&1 | tail -n 25) || { grep -v " info " "$work/serve.log" | grep -m1 -A12 -E "Fatal error|Crash|error:" ; exit 1; }
echo "schemathesis: the API held its contract"
