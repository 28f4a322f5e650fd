#!/usr/bin/env bash
# `make test-matrix`: the whole suite (end-to-end desktop tests included) on
# every QGIS of the matrix.
#
#   QGIS 3.22  Debian 12 (bookworm)
#   QGIS 3.40  Debian 13 (trixie)
#   QGIS 3.44  Debian 13 with trixie-backports
#
# The host's own QGIS runs its leg directly (`make test`); every other leg runs
# in a Debian root filesystem built here with debootstrap from Debian's own
# registry, cached outside the work tree (KPA_MATRIX_CACHE) and reused on the
# next run. The host's CA certificates, apt and pip configuration are copied
# in, so installs work there as they do on the host. Inside a root, the same
# `make test` as on the host does the set-up: the Makefile is the one place
# that knows what the project needs.
#
#   devtools/matrix.sh [--skip-host] [--build-only] [--fresh] [LEG...]    LEG: 3.22 3.40 3.44
#   PYTEST_ARGS='-k name' devtools/matrix.sh 3.40             a part of the suite, on one leg
#
# A leg that cannot be built or whose suite fails makes the whole run fail;
# nothing is skipped silently. Each leg's time is printed at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
SOURCE_TREE=$PWD
CACHE=${KPA_MATRIX_CACHE:-/var/cache/kpa-tracker-matrix}
ALL_LEGS=(3.22 3.40 3.44)

skip_host=0
build_only=0
fresh=0
legs=()
for arg in "$@"; do
  case $arg in
    --skip-host) skip_host=1 ;;
    --build-only) build_only=1 ;;   # build (or check) the roots, run nothing
    --fresh) fresh=1 ;;             # the host's leg too in a root: a fresh machine of that release
    3.22|3.40|3.44) legs+=("$arg") ;;
    *) echo "matrix: unknown argument '$arg' (legs are ${ALL_LEGS[*]})" >&2; exit 2 ;;
  esac
done
[ ${#legs[@]} -gt 0 ] || legs=("${ALL_LEGS[@]}")

say() { printf '\n== matrix: %s\n' "$*"; }
die() { printf 'matrix: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (debootstrap and chroot need it)"

suite_of() {  # the Debian release a leg's root is built from
  case $1 in 3.22) echo bookworm ;; 3.40|3.44) echo trixie ;; esac
}

# The QGIS version the host runs, as major.minor (empty when QGIS is not installed).
host_qgis() {
  dpkg-query -W -f '${Version}' qgis 2>/dev/null | sed -E 's/^([0-9]+:)?([0-9]+\.[0-9]+).*/\2/' || true
}

# The mirror the host's apt uses, so a root reaches the same registry.
host_mirror() {
  local uri
  uri=$(grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
        | head -n1 | grep -oE 'https?://[^ ]+' || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

MOUNTED=()
mount_root() {
  local root=$1
  mount -t proc proc "$root/proc"; MOUNTED+=("$root/proc")
  mount --rbind /sys "$root/sys"; mount --make-rslave "$root/sys"; MOUNTED+=("$root/sys")
  mount --rbind /dev "$root/dev"; mount --make-rslave "$root/dev"; MOUNTED+=("$root/dev")
  # Xvfb and PostgreSQL need a private, writable shared-memory folder.
  mount -t tmpfs -o mode=1777 shm "$root/dev/shm"; MOUNTED+=("$root/dev/shm")
}
unmount_all() {
  local i
  for (( i=${#MOUNTED[@]}-1; i>=0; i-- )); do
    umount -R "${MOUNTED[$i]}" 2>/dev/null || umount -lR "${MOUNTED[$i]}" 2>/dev/null || true
  done
  MOUNTED=()
}
trap unmount_all EXIT

in_root() {  # run a command in a root with a clean environment (the host's pip settings kept)
  local root=$1; shift
  local keep=()
  while IFS='=' read -r name _; do
    case $name in PIP_*|PYTEST_ARGS|TZ|http_proxy|https_proxy|no_proxy|HTTP_PROXY|HTTPS_PROXY|NO_PROXY) keep+=("$name=${!name}") ;; esac
  done < <(env)
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb CI="${CI:-}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${keep[@]}" "$@"
}

# Copy the host's trust and package-client configuration into a root.
copy_host_config() {
  local root=$1 path
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  mkdir -p "$root/usr/local/share/ca-certificates" "$root/etc/ssl/certs"
  cp -a /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
  cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
  for path in /etc/pip.conf /etc/xdg/pip /root/.config/pip /root/.pip; do
    if [ -e "$path" ]; then mkdir -p "$root$(dirname "$path")"; rm -rf "${root:?}$path"; cp -aL "$path" "$root$path"; fi
  done
  # apt settings that are not about which releases to use (proxies, validity checks)
  for path in /etc/apt/apt.conf.d/*; do
    case $(basename "$path") in *autoremove*|*docker*|*packagekit*|*appstream*|*debconf*) continue ;; esac
    cp -L "$path" "$root/etc/apt/apt.conf.d/"
  done
}

build_root() {  # debootstrap a root for a leg, once; reused while its stamp is there
  local leg=$1 suite root mirror
  trap unmount_all EXIT   # a subshell: the main trap does not reach it
  suite=$(suite_of "$leg")
  root=$CACHE/qgis-$leg
  if [ -f "$root/.kpa-root-ready" ]; then
    echo "root for QGIS $leg is cached at $root"
    return
  fi
  mirror=$(host_mirror)
  say "building a Debian $suite root for QGIS $leg in $root (from $mirror)"
  command -v debootstrap >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap; }
  rm -rf "$root.partial"
  mkdir -p "$CACHE"
  if [ "$leg" = 3.44 ] && [ -f "$CACHE/qgis-3.40/.kpa-root-ready" ]; then
    cp -a "$CACHE/qgis-3.40" "$root.partial"   # same release, one apt upgrade away
    rm -rf "$root.partial/opt/kpa" "$root.partial/.kpa-root-ready"
  else
    debootstrap --variant=minbase --include=ca-certificates,make,git,python3,python3-venv \
      "$suite" "$root.partial" "$mirror" || die "debootstrap of $suite failed (see above)"
  fi
  {
    echo "deb $mirror $suite main"
    echo "deb $mirror $suite-updates main"
    [ "$leg" = 3.44 ] && echo "deb $mirror $suite-backports main"
  } > "$root.partial/etc/apt/sources.list"
  rm -f "$root.partial/etc/apt/preferences.d/kpa-backports"
  copy_host_config "$root.partial"
  mount_root "$root.partial"
  in_root "$root.partial" sh -c 'update-ca-certificates >/dev/null 2>&1 || true; apt-get update -q' \
    || die "apt-get update failed in the $suite root"
  unmount_all
  mv "$root.partial" "$root"
  touch "$root/.kpa-root-ready"
}

# Install (or upgrade to) the leg's QGIS in its root and check that it is the version the leg is for:
# 3.44 comes from trixie-backports (apt's -t, as an analyst installs it), so it is asked for by name.
ensure_qgis() {
  local leg=$1 root=$2 target=() found
  [ "$leg" = 3.44 ] && target=(-t "$(suite_of "$leg")-backports")
  in_root "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${target[@]}" qgis python3-qgis >/dev/null || die "could not install QGIS $leg in $root"
  found=$(chroot "$root" dpkg-query -W -f '${Version}' qgis | sed -E 's/^([0-9]+:)?([0-9]+\.[0-9]+).*/\2/')
  [ "$found" = "$leg" ] || die "the root for QGIS $leg has QGIS $found"
  echo "QGIS in $root: $(chroot "$root" dpkg-query -W -f '${Version}' qgis)"
}

run_leg_in_root() {
  local leg=$1 root=$CACHE/qgis-$1 work
  work=$root/opt/kpa/src
  say "QGIS $leg: copying the work tree into $root"
  copy_host_config "$root"
  # A clone (the packaging test needs git) with the work tree's current files laid
  # over it: committed, changed and new files, never the host's venv or build output.
  rm -rf "$work"; mkdir -p "$(dirname "$work")"
  git clone --quiet --no-hardlinks "$SOURCE_TREE" "$work"
  git ls-files -z --cached --others --exclude-standard \
    | rsync -a --from0 --files-from=- "$SOURCE_TREE/" "$work/"
  ( cd "$work" && git ls-files -z | while IFS= read -r -d '' name; do
      [ -e "$SOURCE_TREE/$name" ] || rm -f "$name"; done )
  if [ -d "$SOURCE_TREE/../shared" ]; then
    rm -rf "$root/opt/kpa/shared"; cp -a "$SOURCE_TREE/../shared" "$root/opt/kpa/shared"
  fi
  mount_root "$root"
  local status=0
  ensure_qgis "$leg" "$root"
  in_root "$root" sh -c 'cd /opt/kpa/src && make test VENV=/opt/kpa/venv' || status=$?
  unmount_all
  return $status
}

main() {
  local results=() overall=0 host leg start status took verdict
  host=$(host_qgis)
  [ $fresh = 0 ] || host=none
  for leg in "${legs[@]}"; do
    start=$(date +%s)
    status=0
    if [ "$leg" = "$host" ]; then
      if [ $skip_host = 1 ]; then
        results+=("QGIS $leg (host): run by make test before this"); continue
      fi
      say "QGIS $leg: the host's own QGIS"
      make test || status=$?
    else
      command -v rsync >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends rsync; }
      ( build_root "$leg" ) || status=$?
      [ $status = 0 ] && [ $build_only = 0 ] && { run_leg_in_root "$leg" || status=$?; }
    fi
    took=$(( $(date +%s) - start ))
    if [ $status = 0 ]; then verdict=passed; else verdict="FAILED ($status)"; overall=1; fi
    results+=("QGIS $leg: $verdict in $((took / 60)) min $((took % 60)) s")
  done

  say "summary"
  printf '  %s\n' "${results[@]}"
  return $overall
}

# Parsed whole before it runs, so editing this file mid-run cannot change a running matrix.
main; exit $?
