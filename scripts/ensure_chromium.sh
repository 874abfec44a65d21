#!/bin/sh
# Make Debian's `chromium` available for the browser tests of the review page.
#
# Installs it with apt-get when it is missing and this user may install
# packages (root, or passwordless sudo).  Always exits 0: where Chromium
# cannot be had, the browser tests skip with a clear message instead of
# failing the build.  Set SCR_NO_BROWSER_INSTALL=1 to never install.
set -u

found() { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }

if found; then
    echo "ensure_chromium: $(command -v chromium || command -v chromium-browser) is installed"
    exit 0
fi
if [ "${SCR_NO_BROWSER_INSTALL:-0}" = "1" ]; then
    echo "ensure_chromium: chromium missing; SCR_NO_BROWSER_INSTALL=1, not installing (browser tests will skip)"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_chromium: chromium missing and no apt-get here (browser tests will skip)"
    exit 0
fi
if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "ensure_chromium: chromium missing and not allowed to install packages (browser tests will skip)"
    exit 0
fi

echo "ensure_chromium: installing Debian's chromium (a few minutes the first time)"
export DEBIAN_FRONTEND=noninteractive
# an old package list can name versions no longer served: refresh it first
$SUDO apt-get update -q >/dev/null 2>&1 || echo "ensure_chromium: apt-get update failed; trying the install anyway"
if $SUDO apt-get install -y -q chromium >/dev/null 2>&1; then
    echo "ensure_chromium: installed $(command -v chromium)"
else
    echo "ensure_chromium: could not install chromium (browser tests will skip)"
fi
exit 0
