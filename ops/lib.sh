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

# Builds $2 (a project or the solution) in configuration $1 with Wolverine's handler code generated fresh first
# (src/Host/Internal/Generated, not in git): `Host codegen write` needs a built Host, then the build with
# QpPregenerated=true compiles the generated code into it and the Host loads it statically (see GeneratedCode.cs).
qp_build_pregenerated() {
  local configuration=$1 target=$2 log
  log=$(mktemp)
  dotnet build src/Host -c "$configuration" -nologo -v q -clp:ErrorsOnly
  rm -rf "$QP_ROOT/src/Host/Internal/Generated"
  # codegen connects to no database; the Host only needs a connection string to be composed.
  if ! (cd "$QP_ROOT/src/Host" && ConnectionStrings__QuartierPflege="Host=127.0.0.1;Port=1;Database=codegen;Username=codegen" \
        dotnet "bin/$configuration/net10.0/QuartierPflege.Host.dll" codegen write >"$log" 2>&1); then
    cat "$log" >&2; rm -f "$log"; qp_log "Generating Wolverine's handler code failed"; return 1
  fi
  rm -f "$log"
  dotnet build "$target" -c "$configuration" -p:QpPregenerated=true -nologo -v q -clp:ErrorsOnly
}
