# Sourced by scripts/setup and scripts/fuzz: installs the Debian packages a
# script needs, with apt-get, as root or through password-less sudo.
#
#   install_packages SCRIPT NOT_DEBIAN_MESSAGE PACKAGE...
#
# Does nothing when every PACKAGE is installed. Otherwise, on a system without
# apt-get prints "mapsafety SCRIPT: NOT_DEBIAN_MESSAGE" and exits 2; without
# root or sudo prints the apt-get command to run and exits 2.
install_packages() {
  local script=$1 not_debian=$2 p sudo
  shift 2
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  if ! command -v apt-get >/dev/null || [ ! -f /etc/debian_version ]; then
    echo "mapsafety $script: $not_debian" >&2
    exit 2
  fi
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo=sudo
    else
      echo "mapsafety $script: these packages are missing and installing them needs root:" >&2
      echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      echo "then rerun scripts/$script." >&2
      exit 2
    fi
  else
    sudo=
  fi
  echo "mapsafety $script: installing ${missing[*]}"
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends \
    "${missing[@]}" >/dev/null
}
