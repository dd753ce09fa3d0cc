#!/usr/bin/env bash
# Backs up the service databases in one consistent snapshot.
#
#   infra/ops/backup.sh <backup-dir> [database ...]
#
# Without database names it backs up every service's database (the manifest's subgraphs, named
# by DASH_<NAME>_DATABASE or dash_<name>). The server is MYSQL_URL (mysql://user:password@host:port).
# All databases are read in one dump with --single-transaction: one InnoDB snapshot, so the
# copy is the state of every database at the same moment, taken without locking writers. Each
# database lands in <backup-dir>/<database>.sql.gz with its migrations table, and SHA256SUMS
# lets restore.sh check the files before it uses them.
set -euo pipefail

if [[ $# -lt 1 || "$1" == -* ]]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  exit 64
fi
out="$1"
shift

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

if [[ $# -gt 0 ]]; then
  databases=("$@")
else
  mapfile -t databases < <(node "$ops_dir/lib/service-databases.mjs")
fi

for database in "${databases[@]}"; do
  valid_name "$database" || { echo "not a database name: $database" >&2; exit 64; }
  if [[ -z "$(sql -e "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '$database'")" ]]; then
    echo "database $database does not exist on the server" >&2
    exit 66
  fi
done

mkdir -p "$out"
if [[ -n "$(ls -A "$out")" ]]; then
  echo "$out is not empty: a backup goes into a folder of its own" >&2
  exit 73
fi

# One dump of all databases, split into a file per database so each can be restored under
# another name: the CREATE DATABASE and USE lines that would tie it to its old name are left
# out, and every file starts with the dump's session settings.
"$DUMP" --defaults-extra-file="$options_file" \
  --single-transaction --quick --no-tablespaces --skip-lock-tables \
  --triggers --hex-blob --default-character-set=utf8mb4 \
  --databases "${databases[@]}" |
  awk -v out="$out" '
    /^-- Current Database: `/ {
      if (file) close(file)
      name = $0
      sub(/^-- Current Database: `/, "", name)
      sub(/`$/, "", name)
      file = out "/" name ".sql"
      printf "%s", header > file
      next
    }
    !file { header = header $0 "\n"; next }
    /^CREATE DATABASE / || /^USE `/ { next }
    { print > file }
  '

for database in "${databases[@]}"; do
  [[ -s "$out/$database.sql" ]] || { echo "the dump has no $database" >&2; exit 70; }
  gzip -9 "$out/$database.sql"
done

{
  echo "taken_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "server=$(sql -e 'SELECT VERSION()')"
  echo "databases=${databases[*]}"
} >"$out/BACKUP_INFO"
(cd "$out" && sha256sum -- *.sql.gz BACKUP_INFO >SHA256SUMS)
echo "backed up ${databases[*]} to $out"
