#!/usr/bin/env bash
# Builds omni-desktop for the OS it runs on, into dist/:
#   Linux    dist/omni-desktop/ (PyInstaller folder), omni-desktop-VERSION-linux-ARCH.tar.gz and
#            omni-desktop_VERSION_ARCH.deb (installs to /opt/omni-desktop; Depends from ldd)
#   macOS    dist/omni-desktop.app and omni-desktop-VERSION-macos-ARCH.dmg (hdiutil)
#   Windows  dist/omni-desktop/ and omni-desktop-VERSION-windows-x64-setup.exe (Inno Setup 6;
#            run from Git Bash)
# Usage: bash packaging/build.sh   (PYTHON=... picks the interpreter; default: the .venv's, which
# needs `pip install -e '.[package]'`). The version everywhere is omni_desktop.__version__.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
umask 022

case "$(uname -s)" in
  Linux) OS=linux ;;
  Darwin) OS=macos ;;
  MINGW* | MSYS* | CYGWIN*) OS=windows ;;
  *) echo "build.sh: unsupported OS $(uname -s)" >&2; exit 2 ;;
esac
if [[ -z ${PYTHON:-} ]]; then
  PYTHON=.venv/bin/python
  [[ $OS == windows ]] && PYTHON=.venv/Scripts/python.exe
fi
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' omni_desktop/__init__.py)
[[ -n $VERSION ]] || { echo "build.sh: no __version__ in omni_desktop/__init__.py" >&2; exit 1; }
started=$SECONDS
say() { printf '== [%3ss] %s\n' $((SECONDS - started)) "$*"; }

say "omni-desktop $VERSION for $OS: PyInstaller (packaging/omni-desktop.spec)"
rm -rf dist/omni-desktop dist/omni-desktop.app
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/omni-desktop.spec

build_linux() {
  local arch name tarball deb_version deb staging depends
  arch=$(uname -m)
  name="omni-desktop-$VERSION-linux-$arch"
  tarball="dist/$name.tar.gz"
  say "tarball $tarball"
  tar -C dist --sort=name --owner=0 --group=0 --numeric-owner -czf "$tarball" omni-desktop

  # Debian wants ~ before pre-release tags so that 1.0~rc1 sorts before 1.0.
  deb_version=$(sed -E 's/\.?(a|b|rc|dev)([0-9]*)/~\1\2/g' <<<"$VERSION")
  deb="dist/omni-desktop_${deb_version}_$(dpkg --print-architecture).deb"
  say "Debian package $deb"
  staging=build/deb/root
  rm -rf build/deb && mkdir -p "$staging"/{DEBIAN,opt,usr/bin,usr/share/applications}
  cp -a dist/omni-desktop "$staging/opt/omni-desktop"
  ln -s /opt/omni-desktop/omni-desktop "$staging/usr/bin/omni-desktop"
  install -m 644 resources/omni-desktop.desktop "$staging/usr/share/applications/"
  install -D -m 644 resources/icons/omni-desktop.svg \
    "$staging/usr/share/icons/hicolor/scalable/apps/omni-desktop.svg"
  for png in resources/icons/omni-desktop-*.png; do
    size=${png##*-}; size=${size%.png}
    install -D -m 644 "$png" "$staging/usr/share/icons/hicolor/${size}x$size/apps/omni-desktop.png"
  done
  install -D -m 644 packaging/linux/copyright "$staging/usr/share/doc/omni-desktop/copyright"
  chmod -R u+rwX,go+rX,go-w "$staging"

  depends=$(bash packaging/linux/deb-depends.sh "$staging/opt/omni-desktop")
  # Recommends: emoji show as boxes with only DejaVu, so a colour-emoji font comes along.
  cat >"$staging/DEBIAN/control" <<EOF
Package: omni-desktop
Version: $deb_version
Architecture: $(dpkg --print-architecture)
Maintainer: ${DEB_MAINTAINER:-omni-desktop developers <packaging@omni-desktop.invalid>}
Installed-Size: $(du -sk --apparent-size --exclude=DEBIAN "$staging" | cut -f1)
Depends: $depends
Recommends: fonts-noto-color-emoji
Section: net
Priority: optional
Description: compose and send Infobip OMNI failover messages
 A desktop application that composes one OMNI failover message (tried over
 Viber, SMS, e-mail and more, one channel after another) for many recipients,
 sends it, and follows its delivery reports. It starts on a built-in sandbox
 that imitates the API, so it can be tried offline.
 .
 The same core sends from a terminal: omni-desktop send DRAFT.omni.json.
EOF
  dpkg-deb --root-owner-group -Zxz --build "$staging" "$deb" >/dev/null
  dpkg-deb --info "$deb" | sed -n 's/^ \(Version\|Installed-Size\|Depends\|Recommends\):/   \1:/p'
}

build_macos() {
  local dmg staging
  dmg="dist/omni-desktop-$VERSION-macos-$(uname -m).dmg"
  say "disk image $dmg"
  staging=build/dmg && rm -rf "$staging" && mkdir -p "$staging"
  cp -R dist/omni-desktop.app "$staging/"
  ln -s /Applications "$staging/Applications"
  rm -f "$dmg"
  hdiutil create -volname "omni-desktop $VERSION" -srcfolder "$staging" -fs HFS+ \
    -format UDZO -ov "$dmg"
}

build_windows() {
  local iscc
  iscc=$(command -v iscc || command -v ISCC.exe || true)
  for candidate in "/c/Program Files (x86)/Inno Setup 6/ISCC.exe" "/c/Program Files/Inno Setup 6/ISCC.exe"; do
    if [[ -z $iscc && -x $candidate ]]; then iscc=$candidate; fi
  done
  [[ -n $iscc ]] || { echo "build.sh: Inno Setup 6 (ISCC.exe) not found: choco install innosetup" >&2; exit 1; }
  say "installer dist/omni-desktop-$VERSION-windows-x64-setup.exe (Inno Setup)"
  # Git Bash would rewrite /Q and /D... as paths: switch that off for this one call.
  # Windows file versions are numbers only: 1.2.0rc1 -> 1.2.0.
  MSYS2_ARG_CONV_EXCL='*' "$iscc" /Q "/DAppVersion=$VERSION" \
    "/DNumericVersion=$(sed -E 's/^([0-9]+(\.[0-9]+){0,3}).*/\1/' <<<"$VERSION")" \
    "/DBundleDir=$(cygpath -w "$ROOT/dist/omni-desktop")" "/O$(cygpath -w "$ROOT/dist")" \
    "$(cygpath -w "$ROOT/packaging/windows/omni-desktop.iss")"
}

"build_$OS"
say "done: $(cd dist && ls -d omni-desktop* | tr '\n' ' ')"
