#!/usr/bin/env bash
# Builds a platform wheel of python/ with a static release morse-dataset binary inside, so that
# `pip install dist/morse_dataset-*.whl` works on a Linux machine without Swift.
#
#   bash scripts/build-wheel.sh            # → dist/morse_dataset-VERSION-py3-none-PLATFORM.whl
#
# The binary links the Swift runtime and Foundation statically (--static-swift-stdlib) and glibc
# dynamically; the wheel's platform tag is manylinux_2_N for the newest glibc symbol version it
# uses (linux_<arch> when that cannot be read). Builds in .build-static/ (not .build/) so debug
# and release builds of the checkout are left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
arch=$(uname -m)

swift build -c release --static-swift-stdlib --product morse-dataset --scratch-path .build-static
binary=$(swift build -c release --static-swift-stdlib --product morse-dataset --scratch-path .build-static --show-bin-path)/morse-dataset
strip "$binary" 2>/dev/null || true

glibc=$( (objdump -T "$binary" 2>/dev/null || true) | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
if [[ $glibc =~ ^2\.([0-9]+)$ ]]; then
    platform="manylinux_2_${BASH_REMATCH[1]}_${arch}"
else
    platform="linux_${arch}"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r python "$work/pkg"
rm -rf "$work/pkg/build" "$work/pkg"/*.egg-info
mkdir -p "$work/pkg/morse_dataset/bin"
cp "$binary" "$work/pkg/morse_dataset/bin/morse-dataset"
chmod 755 "$work/pkg/morse_dataset/bin/morse-dataset"

# A private build environment with setuptools and wheel (for retagging).
venv="$root/.build-static/wheel-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check "setuptools>=61" "wheel>=0.40"
mkdir -p dist "$work/out"
"$venv/bin/pip" wheel -q --disable-pip-version-check --no-deps --no-build-isolation -w "$work/out" "$work/pkg"
pure=$(ls "$work/out"/morse_dataset-*-py3-none-any.whl)
# The wheel holds a native executable: tag it for this platform (and not as pure Python).
"$venv/bin/python" -m wheel tags --remove --python-tag py3 --abi-tag none --platform-tag "$platform" "$pure" >/dev/null
wheel=$(ls "$work/out"/morse_dataset-*-"$platform".whl)
cp "$wheel" dist/
echo "dist/$(basename "$wheel")"
