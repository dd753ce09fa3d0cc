# Shared by backup.sh and restore.sh: the client programs and a private option file for MYSQL_URL.

ops_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

pick() {
  for program in "$@"; do
    if command -v "$program" >/dev/null 2>&1; then
      echo "$program"
      return
    fi
  done
  echo "none of $* is installed" >&2
  exit 69
}

DUMP="${MYSQL_DUMP:-$(pick mariadb-dump mysqldump)}"
CLIENT="${MYSQL_CLIENT:-$(pick mariadb mysql)}"

options_file="$(mktemp)"
chmod 600 "$options_file"
trap 'rm -f "$options_file"' EXIT
node "$ops_dir/lib/client-options.mjs" >"$options_file"

sql() { "$CLIENT" --defaults-extra-file="$options_file" --batch --skip-column-names "$@"; }

valid_name() { [[ "$1" =~ ^[A-Za-z0-9_]{1,64}$ ]]; }
