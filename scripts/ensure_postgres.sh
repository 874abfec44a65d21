#!/bin/sh
# Make a PostgreSQL server available for the store tests (tests/test_store_postgres.py).
#
# The tests start their own throw-away cluster (initdb + pg_ctl, a Unix socket
# in a temporary folder, removed afterwards); they need the server binaries,
# not a running service.  Debian installs them in /usr/lib/postgresql/NN/bin,
# off the PATH: the tests look there too.  Installs Debian's `postgresql`
# with apt-get when it is missing and this user may install packages (root,
# or passwordless sudo).  Always exits 0: where the server cannot be had, the
# PostgreSQL tests skip with a clear message instead of failing the build.
# Set SCR_NO_POSTGRES_INSTALL=1 to never install.
set -u

found() {
    command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && return 0
    done
    return 1
}

if found && command -v psql >/dev/null 2>&1; then
    echo "ensure_postgres: PostgreSQL server binaries are installed"
    exit 0
fi
if [ "${SCR_NO_POSTGRES_INSTALL:-0}" = "1" ]; then
    echo "ensure_postgres: PostgreSQL missing; SCR_NO_POSTGRES_INSTALL=1, not installing (PostgreSQL tests will skip)"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_postgres: PostgreSQL missing and no apt-get here (PostgreSQL tests will skip)"
    exit 0
fi
if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "ensure_postgres: PostgreSQL missing and not allowed to install packages (PostgreSQL tests will skip)"
    exit 0
fi

echo "ensure_postgres: installing Debian's postgresql (server binaries for the store tests)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null 2>&1 || echo "ensure_postgres: apt-get update failed; trying the install anyway"
# policy-rc.d (exit 101) keeps the packaged service from starting: the tests run their own cluster
POLICY=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
    POLICY=/usr/sbin/policy-rc.d
    $SUDO sh -c "printf '#!/bin/sh\nexit 101\n' > $POLICY && chmod +x $POLICY" 2>/dev/null || POLICY=""
fi
if $SUDO apt-get install -y -q --no-install-recommends postgresql postgresql-client >/dev/null 2>&1; then
    echo "ensure_postgres: installed PostgreSQL"
else
    echo "ensure_postgres: could not install PostgreSQL (PostgreSQL tests will skip)"
fi
[ -n "$POLICY" ] && $SUDO rm -f "$POLICY"
exit 0
