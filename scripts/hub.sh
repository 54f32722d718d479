#!/usr/bin/env bash
# Starts a local PostgreSQL to try the office hub: initdb into a folder, pg_ctl on a local
# socket (no network port), create the hub database and its schema, add an administrator
# (office), a reviewer (the office's 审核 account) and an inspector, and print the addresses to
# use. Run it again to start the same hub again.
#
#   scripts/hub.sh [FOLDER]        default FOLDER: ./hub-data (stop it: scripts/hub.sh stop [FOLDER])
#
# An office's real PostgreSQL server needs none of this: see "The office hub" in README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

action=start
if [ "${1:-}" = "stop" ]; then action=stop; shift; fi
folder=$(realpath -m "${1:-hub-data}")
say() { printf '[hub] %s\n' "$*" >&2; }

bin=${PARK_INSPECTOR_PG_BIN:-}
if [ -z "$bin" ]; then
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /x/x)")"; do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bin=$candidate; break; fi
  done
fi
if [ -z "$bin" ]; then
  say "PostgreSQL is not installed: on Debian/Ubuntu, sudo apt-get install postgresql (15 or newer)"
  exit 1
fi

# PostgreSQL refuses to run as root: as root, run it as the postgres user.
as_pg=()
if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi

data="$folder/data"
socket="$folder/socket"
port=${PGPORT_HUB:-54329}

if [ "$action" = stop ]; then
  "${as_pg[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop
  exit 0
fi

[ -x .venv/bin/python ] || scripts/bootstrap.sh requirements.txt python3-venv
mkdir -p "$folder"
chmod 755 "$folder"
if [ ! -f "$data/PG_VERSION" ]; then
  say "creating a PostgreSQL cluster in $data"
  mkdir -p "$socket"
  umask 077
  head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$folder/admin-password"
  head -c 12 /dev/urandom | base64 | tr -d '/+=' > "$folder/inspector-password"
  head -c 12 /dev/urandom | base64 | tr -d '/+=' > "$folder/reviewer-password"
  if [ ${#as_pg[@]} -gt 0 ]; then chown -R postgres: "$folder"; fi
  "${as_pg[@]}" "$bin/initdb" -D "$data" -U admin -A scram-sha-256 --pwfile "$folder/admin-password" \
    -E UTF8 --locale C.UTF-8 >/dev/null
  cat >> "$data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$socket'
port = $port
CONF
  fresh=1
else
  fresh=0
fi

if ! "${as_pg[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  "${as_pg[@]}" "$bin/pg_ctl" -D "$data" -l "$folder/server.log" -w start >/dev/null
fi

admin_url="host=$socket port=$port dbname=park_hub user=admin"
if [ "$fresh" = 1 ]; then
  PGPASSWORD=$(cat "$folder/admin-password") "$bin/psql" -q -h "$socket" -p "$port" -U admin -d postgres \
    -c "CREATE DATABASE park_hub" >/dev/null
fi
export PGPASSWORD=$(cat "$folder/admin-password")
.venv/bin/python main.py hub init "$admin_url" >&2
if [ "$fresh" = 1 ]; then
  .venv/bin/python main.py hub user add office --role admin --password-file "$folder/admin-password" \
    --hub "$admin_url" >/dev/null
  .venv/bin/python main.py hub user add inspector --role inspector \
    --password-file "$folder/inspector-password" --hub "$admin_url" >/dev/null
fi
if [ ! -f "$folder/reviewer-password" ]; then  # a hub made before the script added a reviewer
  (umask 077; head -c 12 /dev/urandom | base64 | tr -d '/+=' > "$folder/reviewer-password")
  fresh_reviewer=1
else
  fresh_reviewer=$fresh
fi
if [ "$fresh_reviewer" = 1 ]; then
  .venv/bin/python main.py hub user add reviewer --role reviewer --display-name 审核人员 \
    --password-file "$folder/reviewer-password" --hub "$admin_url" >/dev/null
fi
unset PGPASSWORD

cat <<INFO
The hub is running (PostgreSQL in $data, socket only, no network port).

  administrator:  $admin_url   (password in $folder/admin-password)
  office admin:   host=$socket port=$port dbname=park_hub user=office   (same password)
  the reviewer:   host=$socket port=$port dbname=park_hub user=reviewer   (审核: review, ranking, trends)
                  (password in $folder/reviewer-password)
  an inspector:   host=$socket port=$port dbname=park_hub user=inspector
                  (password in $folder/inspector-password)

Connect a data folder (then sync runs without asking):
  .venv/bin/python main.py hub connect "host=$socket port=$port dbname=park_hub user=inspector" \\
      --password-file $folder/inspector-password
  .venv/bin/python main.py sync

The office's laptop (another data folder) connects as the reviewer to review:
  .venv/bin/python main.py hub connect "host=$socket port=$port dbname=park_hub user=reviewer" \\
      --password-file $folder/reviewer-password --data-dir office-data

Add a user (as the administrator):
  .venv/bin/python main.py hub user add NAME --role inspector|reviewer|admin --password-file NEW.pw \\
      --hub "$admin_url" --hub-password-file $folder/admin-password

Stop it: scripts/hub.sh stop $folder
INFO
