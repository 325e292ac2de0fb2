#!/usr/bin/env bash
# Backup with a tested restore (README, "Run it in production"): dumps DATABASE_URL with pg_dump
# (custom format) into BACKUP_DIR, restores the dump into a new empty database, starts the server on
# that copy with NODE_ENV=production and checks it: /_ready answers 200, the integrators' document
# answers, every business table holds as many rows as in the source, and SMOKE_LOGIN/SMOKE_PASSWORD
# (when given) logs in and reads /api/me. Exit 0 only when all hold; the copy is dropped either way,
# the dump is kept. Needs pg_dump, pg_restore and psql of the server's major version, and the same
# cms/.env as the source (its secrets unseal the platform CA's key).
set -euo pipefail
cd "$(dirname "$0")/../.."

src="${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to back up}"
src="${src%%\?*}"
base="${src%/*}"
backup_dir="${BACKUP_DIR:-cms/.tmp/backups}"
mkdir -p "$backup_dir"
dump="$backup_dir/mcp-$(date -u +%Y%m%dT%H%M%SZ).dump"
copy="mcp_restore_check_$$"
admin_url="${RESTORE_ADMIN_URL:-$base/postgres}"
port="${RESTORE_CHECK_PORT:-1399}"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql -qX "$admin_url" -c "DROP DATABASE IF EXISTS $copy" >/dev/null 2>&1 || true
}
trap cleanup EXIT

t0=$(date +%s)
pg_dump --format=custom --no-owner --no-privileges --file "$dump" "$src"
echo "backup: $dump ($(du -h "$dump" | cut -f1))"
psql -qX "$admin_url" -c "CREATE DATABASE $copy" >/dev/null
pg_restore --no-owner --no-privileges --exit-on-error --dbname "$base/$copy" "$dump"
echo "restored into $copy in $(($(date +%s) - t0)) s"

log="$backup_dir/restore-check-server.log"
NODE_ENV=production DATABASE_CLIENT=postgres DATABASE_URL="$base/$copy" PORT="$port" HOST=127.0.0.1 \
  STRAPI_STARTUP_MESSAGE=false node cms/scripts/serve.mjs >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$port/_ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "the server on the copy exited; see $log"; exit 1; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/_ready" || { echo "the copy never became ready; see $log"; exit 1; }
echo
curl -fsS -o /dev/null "http://127.0.0.1:$port/api/openapi.json"

tables="organisations up_users products delegations hospital_relationships orders order_lines deliveries return_requests contracts contract_signatures state_histories"
for t in $tables; do
  q="SELECT count(*) FROM $t"
  a=$(psql -qXtA "$src" -c "$q" 2>/dev/null || echo missing)
  b=$(psql -qXtA "$base/$copy" -c "$q" 2>/dev/null || echo missing)
  [ "$a" = "$b" ] || { echo "$t: $a rows in the source, $b in the copy"; exit 1; }
  echo "$t: $a rows in both"
done

if [ -n "${SMOKE_LOGIN:-}" ]; then
  body=$(printf '{"identifier":"%s","password":"%s"}' "$SMOKE_LOGIN" "${SMOKE_PASSWORD:?}")
  jwt=$(curl -fsS -H 'content-type: application/json' -d "$body" "http://127.0.0.1:$port/api/auth/local" | node -pe 'JSON.parse(require("fs").readFileSync(0)).jwt')
  curl -fsS -H "Authorization: Bearer $jwt" "http://127.0.0.1:$port/api/me" >/dev/null
  echo "$SMOKE_LOGIN logged in on the copy and read /api/me"
fi
echo "restore check passed in $(($(date +%s) - t0)) s"
