#!/usr/bin/env bash
# Installs dist/omni-desktop_*.deb into a clean Debian 12 root and starts it there:
#   1. a minbase Debian 12 root (debootstrap --variant=minbase bookworm, from this machine's own
#      apt mirror), cached as a tarball under $CACHE and unpacked fresh for every run;
#   2. `apt-get install --no-install-recommends ./omni-desktop_*.deb` inside it, so the Depends
#      alone are resolved from the mirror (apt's downloads are cached under $CACHE too);
#   3. `ldd` of every ELF file under /opt/omni-desktop must resolve inside the root;
#   4. the package's files are where a desktop looks for them (command, .desktop, icons);
#   5. packaging/smoke_test.py through chroot: --version, send against the installed sandbox,
#      the window under Xvfb (xcb, the X socket bind-mounted in) and on the offscreen platform;
#   6. `apt-get purge` removes it all again.
# Needs root, debootstrap and the network to the Debian mirror. Usage:
#   bash packaging/linux/verify-deb-debian12.sh [DEB]
# Environment: OMNI_DEB12_CACHE (default /var/cache/omni-desktop-packaging),
#   OMNI_DEB12_REFRESH=1 to bootstrap the root afresh (else it is reused for 14 days).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD

# Run in a private mount namespace: every bind mount below disappears with this process,
# whatever way it ends.
if [[ -z ${OMNI_DEB12_NS:-} ]]; then
  [[ $(id -u) -eq 0 ]] || { echo "verify-deb-debian12: needs root (chroot, mount)" >&2; exit 2; }
  command -v debootstrap >/dev/null || { echo "verify-deb-debian12: apt-get install debootstrap" >&2; exit 2; }
  exec env OMNI_DEB12_NS=1 unshare --mount --propagation private bash "$0" "$@"
fi

DEB=$(realpath "${1:-$(ls -t dist/omni-desktop_*.deb 2>/dev/null | head -n1)}")
[[ -f $DEB ]] || { echo "verify-deb-debian12: no .deb (run packaging/build.sh first)" >&2; exit 2; }
PYTHON=${PYTHON:-.venv/bin/python}
CACHE=${OMNI_DEB12_CACHE:-/var/cache/omni-desktop-packaging}
ROOTFS=$CACHE/debian12-minbase.tar
started=$SECONDS
say() { printf '== [%3ss] %s\n' $((SECONDS - started)) "$*"; }

# This machine's mirror for a suite, from apt's own sources (deb822 .sources or one-line .list);
# empty when apt has none for it. No mirror is named here.
apt_uri() {
  local suite=$1 uri
  uri=$(
    {
      for f in /etc/apt/sources.list.d/*.sources; do
        [[ -f $f ]] && awk -v s="$suite" 'BEGIN { RS = "" } {
          uris = ""; suites = ""
          n = split($0, line, "\n")
          for (i = 1; i <= n; i++) {
            if (line[i] ~ /^URIs:/) { sub(/^URIs:[ \t]*/, "", line[i]); uris = line[i] }
            if (line[i] ~ /^Suites:/) { sub(/^Suites:[ \t]*/, "", line[i]); suites = " " line[i] " " }
          }
          if (index(suites, " " s " ")) { split(uris, u, " "); print u[1] }
        }' "$f"
      done
      cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        sed -E 's/\[[^]]*\]//' | awk -v s="$suite" '$1 == "deb" && $3 == s { print $2 }'
    } | head -n1
  )
  printf '%s\n' "$uri"
}
MIRROR=$(apt_uri bookworm)
SECURITY=$(apt_uri bookworm-security)
if [[ -z $MIRROR ]]; then
  echo "apt on this machine has no source for Debian 12 (bookworm): add one, then run again." >&2
  exit 1
fi

mkdir -p "$CACHE/apt-archives/partial" "$CACHE/apt-lists/partial"
if [[ ! -f $ROOTFS || -n ${OMNI_DEB12_REFRESH:-} || -n $(find "$ROOTFS" -mtime +14) ]]; then
  say "debootstrap --variant=minbase bookworm from $MIRROR (cached in $ROOTFS)"
  fresh=$(mktemp -d /tmp/omni-deb12-bootstrap.XXXXXX)
  debootstrap --variant=minbase bookworm "$fresh" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 ||
    { tail -n 20 "$CACHE/debootstrap.log" >&2; exit 1; }
  tar -C "$fresh" -cf "$ROOTFS.part" . && mv "$ROOTFS.part" "$ROOTFS"
  rm -rf --one-file-system "$fresh"
fi

WORK=$(mktemp -d /tmp/omni-deb12.XXXXXX)
root=$WORK/root
cleanup() {
  # Unmount before deleting, innermost first, so rm never reaches through a bind mount.
  findmnt -rno TARGET | grep -F "$root/" | sort -r | xargs -r -n1 umount -l || true
  if findmnt -rno TARGET | grep -qF "$root/"; then
    echo "verify-deb-debian12: mounts left under $root; not deleting $WORK" >&2
  else
    rm -rf --one-file-system "$WORK"
  fi
}
trap cleanup EXIT
say "fresh Debian 12 root in $root"
mkdir -p "$root" && tar -C "$root" -xf "$ROOTFS"
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind "$CACHE/apt-archives" "$root/var/cache/apt/archives"
mount --bind "$CACHE/apt-lists" "$root/var/lib/apt/lists"
mkdir -p /tmp/.X11-unix "$root/tmp/.X11-unix" && chmod 1777 /tmp/.X11-unix
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# apt's downloads go to the bind-mounted caches, which its _apt user does not own.
echo 'APT::Sandbox::User "root";' >"$root/etc/apt/apt.conf.d/99omni-desktop-verify"
{
  echo "deb $MIRROR bookworm main"
  echo "deb $MIRROR bookworm-updates main"
  # Security updates only where this machine's apt has a source for them.
  if [[ -n $SECURITY ]]; then echo "deb $SECURITY bookworm-security main"; fi
} >"$root/etc/apt/sources.list"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

say "apt-get update"
in_root apt-get update -qq
cp "$DEB" "$root/tmp/"
say "apt-get install --no-install-recommends ./$(basename "$DEB")"
before=$(in_root dpkg-query -W -f='${binary:Package}\n' | wc -l)
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "/tmp/$(basename "$DEB")" >"$WORK/install.log" 2>&1 || { cat "$WORK/install.log" >&2; exit 1; }
after=$(in_root dpkg-query -W -f='${binary:Package}\n' | wc -l)
echo "   $((after - before)) packages installed (omni-desktop and its Depends)"

failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

say "ldd of every ELF file under /opt/omni-desktop, inside the root"
# shellcheck disable=SC2016  # expanded inside the chroot
in_root bash -c '
  set -euo pipefail
  mapfile -t elves < <(find /opt/omni-desktop -type f \( -name "*.so*" -o -perm -u+x \) |
    while read -r f; do [[ $(head -c 4 "$f" | od -An -c | tr -d " ") == 177ELF ]] && echo "$f"; done)
  LD_LIBRARY_PATH=$(printf "%s\n" "${elves[@]}" | grep -E "\.so(\.|$)" | xargs -n1 dirname | sort -u | paste -sd:)
  export LD_LIBRARY_PATH
  missing=0
  for f in "${elves[@]}"; do
    if out=$(ldd "$f" 2>&1 | grep "not found"); then echo "  ${f}: $out"; missing=1; fi
  done
  echo "   ${#elves[@]} ELF files checked"
  exit $missing
' || fail "libraries not found inside Debian 12 (above)"

say "installed files"
for path in /usr/bin/omni-desktop /opt/omni-desktop/omni-desktop \
  /usr/share/applications/omni-desktop.desktop \
  /usr/share/icons/hicolor/scalable/apps/omni-desktop.svg \
  /usr/share/icons/hicolor/48x48/apps/omni-desktop.png /usr/share/doc/omni-desktop/copyright; do
  in_root test -e "$path" || fail "$path is missing"
done
[[ $(in_root sh -c 'command -v omni-desktop') == /usr/bin/omni-desktop ]] ||
  fail "omni-desktop is not on PATH"

say "smoke test inside the root (packaging/smoke_test.py --root)"
"$PYTHON" "$REPO/packaging/smoke_test.py" --root "$root" --gui both /usr/bin/omni-desktop ||
  failures=$((failures + 1))

say "apt-get purge omni-desktop"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq omni-desktop >/dev/null 2>&1 ||
  fail "apt-get purge failed"
[[ ! -e $root/opt/omni-desktop && ! -e $root/usr/bin/omni-desktop ]] ||
  fail "files left behind after purge"

if ((failures)); then
  say "Debian 12 verification FAILED ($failures)"
  exit 1
fi
say "Debian 12 verification passed: $(basename "$DEB") installs, links and runs on a bare Debian 12"
