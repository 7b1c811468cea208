# Shared helpers for the ops scripts (sourced, not run).
# shellcheck shell=bash

QP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

qp_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

qp_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else qp_log "Need root to run: $*"; return 1; fi
}

# Installs the Debian packages that are not there yet (apt-get update only when something is missing).
qp_require_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  qp_log "Installing ${missing[*]}"
  qp_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  qp_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

qp_require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    qp_log "The .NET SDK 10 is required (dotnet on PATH); it is not in Debian's packages. See README.md."
    return 1
  fi
}

qp_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

# Runs a PostgreSQL server binary as the postgres user when we are root (initdb refuses to run as root).
qp_pg_exec() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
