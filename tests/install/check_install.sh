#!/usr/bin/env bash
# check_install.sh BUILD_DIR SOURCE_DIR CC: see CMakeLists.txt beside this file.
set -euo pipefail
build=$1 src=$2 cc=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
data=$src/examples/data/zorgaanbieder-klein.ttl

cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(dirname "$(find "$prefix" -name 'libkikv.so' | head -1)")
test -f "$prefix/include/kikv/kikv.h"
test -f "$libdir/libkikv.a"
test -f "$libdir/pkgconfig/kikv.pc"
test -f "$libdir/cmake/kikv/kikvConfig.cmake"
soname=$(objdump -p "$libdir/libkikv.so" | awk '/SONAME/ {print $2}')
[[ $soname == libkikv.so.0 ]] || { echo "unexpected SONAME '$soname'"; exit 1; }
echo "installed: $libdir (SONAME $soname)"

check_run() {  # name program
  local out
  out=$("$2" "$data")
  grep -q "2 statements\|statements loaded" <<<"$out"
  grep -q "client-2" <<<"$out" || { echo "$1: unexpected output:"; echo "$out"; exit 1; }
  grep -q "line 1, column 22" <<<"$out" || { echo "$1: no syntax error position:"; echo "$out"; exit 1; }
  echo "$1: ok"
}

# CMake, shared and static
for variant in OFF ON; do
  cmake -S "$src/examples/c" -B "$tmp/cmake-$variant" -DCMAKE_PREFIX_PATH="$prefix" -DKIKV_LINK_STATIC=$variant \
    -DCMAKE_C_COMPILER="$cc" >/dev/null
  cmake --build "$tmp/cmake-$variant" >/dev/null
  check_run "find_package(kikv) static=$variant" "$tmp/cmake-$variant/zorg"
done
ldd "$tmp/cmake-ON/zorg" | grep -q libkikv && { echo "static build links libkikv.so"; exit 1; }

# pkg-config, shared and static
export PKG_CONFIG_PATH=$libdir/pkgconfig
"$cc" -std=c99 -Wall -Wextra -Wpedantic -Werror "$src/examples/c/zorg.c" -o "$tmp/zorg-pc" \
  $(pkg-config --cflags --libs kikv) -Wl,-rpath,"$libdir"
check_run "pkg-config shared" "$tmp/zorg-pc"
"$cc" -std=c99 "$src/examples/c/zorg.c" -o "$tmp/zorg-pc-static" $(pkg-config --cflags kikv) \
  "$libdir/libkikv.a" $(pkg-config --static --libs-only-l kikv | sed 's/-lkikv\b//')
ldd "$tmp/zorg-pc-static" | grep -q libkikv && { echo "static build links libkikv.so"; exit 1; }
check_run "pkg-config static (Libs.private)" "$tmp/zorg-pc-static"
echo "install: all checks passed"
