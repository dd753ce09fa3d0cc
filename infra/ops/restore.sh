#!/usr/bin/env bash
# Restores one database of a backup made by backup.sh into a database of your choice.
#
#   infra/ops/restore.sh <backup-dir> <database-in-backup> <target-database>
#
# The target must not exist or must be empty: a restore never overwrites data. Restore into a
# new name, check it, then point the service at it (DASH_<NAME>_DATABASE) or rename. The server
# is MYSQL_URL. The backup's checksums are verified first.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  exit 64
fi
backup="$1"
source_database="$2"
target="$3"

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

valid_name "$source_database" || { echo "not a database name: $source_database" >&2; exit 64; }
valid_name "$target" || { echo "not a database name: $target" >&2; exit 64; }
file="$backup/$source_database.sql.gz"
[[ -f "$file" ]] || { echo "$backup holds no backup of $source_database" >&2; exit 66; }
(cd "$backup" && sha256sum --check --quiet --ignore-missing SHA256SUMS) ||
  { echo "the backup in $backup is damaged (checksums differ)" >&2; exit 65; }
grep -q " $source_database.sql.gz\$" "$backup/SHA256SUMS" ||
  { echo "$file is not listed in SHA256SUMS" >&2; exit 65; }

tables="$(sql -e "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '$target'")"
if [[ "$tables" != "0" ]]; then
  echo "database $target already has $tables tables: restore into a new or empty database" >&2
  exit 73
fi

sql -e "CREATE DATABASE IF NOT EXISTS \`$target\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
gzip -dc "$file" | sql "$target"
echo "restored $source_database from $backup into $target"
