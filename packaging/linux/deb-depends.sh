#!/usr/bin/env bash
# Prints the Debian `Depends:` value for a frozen omni-desktop folder, derived from the binaries:
#   1. every ELF file in the folder (bootloader, Python extensions, Qt libraries and plugins);
#   2. `ldd` each one, with the folder's own library directories on LD_LIBRARY_PATH as the
#      bootloader sets them up, and keep the libraries it links directly (its NEEDED entries)
#      that resolve OUTSIDE the folder (a "not found" stops the build: this machine lacks a
#      library the bundle needs);
#   3. `dpkg -S` maps each of those files to the Debian package that ships it;
#   4. libc6 gets the highest GLIBC_2.x symbol version any binary asks for as its minimum;
#   5. plus what no binary links but Qt needs at run time: fontconfig (its configuration and
#      cache tool) and a font, or Qt prints a Fontconfig error and draws no text.
# Usage: deb-depends.sh DIR [--explain]   (--explain lists which library brought each package)
set -euo pipefail
dir=$(cd "$1" && pwd)
explain=${2:-}
EXTRA=(fontconfig fonts-dejavu-core)

mapfile -t elves < <(
  find "$dir" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -print0 |
    while IFS= read -r -d '' f; do
      [[ $(head -c 4 "$f" | od -An -c | tr -d ' ') == '177ELF' ]] && printf '%s\n' "$f"
    done | sort
)
((${#elves[@]})) || { echo "deb-depends: no ELF files under $dir" >&2; exit 1; }
libpath=$(printf '%s\n' "${elves[@]}" | grep -E '\.so(\.|$)' | xargs -n1 dirname | sort -u | paste -sd:)

declare -A owner_of=()   # system library path -> first bundle file that needs it
missing=()
for f in "${elves[@]}"; do
  # ldd resolves the whole tree; only the file's own NEEDED entries count (as dpkg-shlibdeps
  # does), so each package is there because something in the bundle links it directly.
  declare -A resolved=()
  while read -r line; do
    case $line in
      *" => "*) name=${line%% =>*}; path=${line#*=> }; resolved[$name]=${path% (*} ;;
    esac
  done < <(LD_LIBRARY_PATH=$libpath ldd "$f" 2>/dev/null || true)
  for name in $(objdump -p "$f" | awk '$1 == "NEEDED" {print $2}'); do
    path=${resolved[$name]:-not found}
    if [[ $path == "not found" ]]; then
      # The dynamic loader is listed by path, not by name.
      [[ $name == ld-linux* ]] && continue
      missing+=("${f#"$dir"/}: $name")
    elif [[ $path != "$dir"/* && -z ${owner_of[$path]:-} ]]; then
      owner_of[$path]=${f#"$dir"/}
    fi
  done
  unset resolved
done
if ((${#missing[@]})); then
  printf 'deb-depends: unresolved libraries (install them here, then rebuild):\n' >&2
  printf '  %s\n' "${missing[@]}" | sort -u >&2
  exit 1
fi

declare -A packages=()
for path in "${!owner_of[@]}"; do
  pkg=""
  # Debian 12 is merged-/usr, but dpkg records each file where its package put it.
  real=$(readlink -f "$path")
  for candidate in "$path" "$real" "/usr${path#/usr}" "${path#/usr}" "/usr${real#/usr}" "${real#/usr}"; do
    pkg=$(dpkg -S "$candidate" 2>/dev/null | head -n1 | cut -d: -f1) && [[ -n $pkg ]] && break
  done
  if [[ -z $pkg ]]; then
    echo "deb-depends: no Debian package owns $path (needed by ${owner_of[$path]})" >&2
    exit 1
  fi
  packages[$pkg]+="$(basename "$path") "
done

glibc=$(printf '%s\0' "${elves[@]}" | xargs -0 objdump -p 2>/dev/null |
  grep -oE 'GLIBC_2\.[0-9]+' | sort -t. -k2,2n -u | tail -n1 | cut -d_ -f2)

deps=()
for pkg in $(printf '%s\n' "${!packages[@]}" "${EXTRA[@]}" | sort -u); do
  if [[ $pkg == libc6 && -n $glibc ]]; then deps+=("libc6 (>= $glibc)"); else deps+=("$pkg"); fi
done
if [[ $explain == --explain ]]; then
  for pkg in $(printf '%s\n' "${!packages[@]}" | sort); do
    printf '%-24s %s\n' "$pkg" "${packages[$pkg]}" >&2
  done
  for pkg in "${EXTRA[@]}"; do printf '%-24s %s\n' "$pkg" "(run time: no library links it)" >&2; done
fi
(IFS=,; printf '%s\n' "${deps[*]}" | sed 's/,/, /g')
