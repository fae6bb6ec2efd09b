#!/usr/bin/env bash
# Checks scripts/test without touching the machine: on a PATH without aws, apt-get, sudo and mvn, with stubs
# standing in for them (apt-get records its calls and "installs" a stub aws; mvn records its arguments).
# Exits 0 when every case holds; prints one line per case. Runs in about a second; the build runs it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SCRIPT="$ROOT/scripts/test"

work="$(mktemp -d "${TMPDIR:-/tmp}/chime-test-script.XXXXXX")"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"

# The system's commands, minus the ones the cases stand in for.
sys="$work/sys"
mkdir "$sys"
for dir in /bin /sbin /usr/bin /usr/sbin /usr/local/bin /usr/local/sbin; do
  [ -d "$dir" ] && ln -sf "$dir"/* "$sys"/ 2>/dev/null || true
done
rm -f "$sys"/aws "$sys"/apt-get "$sys"/sudo "$sys"/mvn

failures=0
check() { # check NAME CONDITION...: prints ok/FAIL with what the case saw
  local name=$1; shift
  if "$@"; then
    echo "ok   $name"
  else
    echo "FAIL $name"; echo "     exit $rc; calls:"; sed 's/^/       /' "$calls"; echo "     stderr:"
    sed 's/^/       /' "$err"
    failures=$((failures + 1))
  fi
}

# A fresh case: stubs/ first on the PATH, then sys/. Options: aws (a working aws is there), apt=ok|offline,
# sudo (a password-less sudo stub).
setup() {
  case_dir="$work/case$((++n))"
  stubs="$case_dir/stubs"
  calls="$case_dir/calls"
  err="$case_dir/stderr"
  out="$case_dir/stdout"
  mkdir -p "$stubs"
  chmod -R 777 "$case_dir"
  : >"$calls"; chmod 666 "$calls"
  printf '#!/bin/sh\necho "mvn $*" >>%s\n' "$calls" >"$stubs/mvn"
  local opt
  for opt in "$@"; do
    case "$opt" in
      aws) printf '#!/bin/sh\necho "aws-cli/2.99.0 Python/3 stub"\n' >"$stubs/aws" ;;
      apt=ok) cat >"$stubs/apt-get" <<EOF
#!/bin/sh
echo "apt-get \$* (DEBIAN_FRONTEND=\$DEBIAN_FRONTEND)" >>$calls
case " \$* " in *" install "*) printf '#!/bin/sh\necho "aws-cli/2.99.0 Python/3 stub"\n' >$stubs/aws; chmod +x $stubs/aws ;; esac
EOF
        ;;
      apt=offline) cat >"$stubs/apt-get" <<EOF
#!/bin/sh
# As apt-get 2.6 does without network: update warns and exits 0, then install fails.
echo "apt-get \$*" >>$calls
case " \$* " in
  *" update "*) echo "W: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Temporary failure resolving 'deb.debian.org'" >&2 ;;
  *) echo "E: Unable to locate package awscli" >&2; exit 100 ;;
esac
EOF
        ;;
      sudo) printf '#!/bin/sh\necho "sudo $*" >>%s\n[ "$1" = -n ] && shift\nexec "$@"\n' "$calls" >"$stubs/sudo" ;;
    esac
  done
  chmod 755 "$stubs"/*
}

# run [ENV=VALUE...] -- ARGS...: scripts/test on the case's PATH, as this user.
run() {
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done; shift
  rc=0
  env -u CHIME_SKIP_CLI_INTEROP -u CHIME_AWS_CLI PATH="$stubs:$sys" TMPDIR="$case_dir" "${envs[@]}" "$SCRIPT" "$@" >"$out" 2>"$err" || rc=$?
}

one_line_naming_the_cli() { # exit 1, one line on stderr naming the CLI, the install and the skip; no Maven
  [ "$rc" = 1 ] && [ "$(wc -l <"$err")" = 1 ] && grep -q 'AWS CLI' "$err" \
    && grep -q 'apt-get install -y awscli' "$err" && grep -q 'CHIME_SKIP_CLI_INTEROP=1' "$err" \
    && ! grep -q '^mvn' "$calls"
}

n=0

setup aws apt=ok
run -- -o -q
check "aws present: no install, mvn -B verify with the arguments" \
  test "$rc" = 0 -a "$(cat "$calls")" = "mvn -B verify -o -q"

setup apt=ok sudo
run -- -o
check "aws absent, apt-get works: apt-get update, install -y awscli, then mvn" \
  test "$(grep -v '^sudo' "$calls" | sed 's/ -o [^ ]*//g; s/ -q / /')" = "$(printf '%s\n' \
    'apt-get update (DEBIAN_FRONTEND=noninteractive)' \
    'apt-get install -y awscli (DEBIAN_FRONTEND=noninteractive)' \
    'mvn -B verify -o')"

setup
run --
check "aws absent, no apt-get: stops with one line" one_line_naming_the_cli
check "  ... which says why" grep -q 'no apt-get here' "$err"

setup apt=offline sudo
run --
check "aws absent, no network to the archive: stops with one line" one_line_naming_the_cli
check "  ... which says why" grep -q "the Debian archive could not be reached" "$err"

# The next two cases need a user other than root: this one, or nobody when root can switch to it.
if [ "$(id -u)" != 0 ]; then
  as_user() { run "$@"; }
elif command -v runuser >/dev/null 2>&1 && runuser -u nobody -- test -x "$SCRIPT" 2>/dev/null; then
  as_user() {
    shift; rc=0
    runuser -u nobody -- env -u CHIME_SKIP_CLI_INTEROP -u CHIME_AWS_CLI PATH="$stubs:$sys" TMPDIR="$case_dir" \
      "$SCRIPT" "$@" >"$out" 2>"$err" || rc=$?
  }
else
  as_user() { rc=skip; }
fi

setup apt=ok
as_user --
if [ "$rc" = skip ]; then
  echo "skip not root: no other user to run as here"
else
  check "aws absent, not root and no sudo: stops with one line, apt-get not called" \
    eval 'one_line_naming_the_cli && grep -q "not root" "$err" && ! grep -q apt-get "$calls"'

  setup apt=ok sudo
  as_user -- -o
  check "aws absent, not root, sudo without a password: installs through sudo -n, then mvn" \
    eval '[ "$rc" = 0 ] && grep -q "^sudo -n env DEBIAN_FRONTEND=noninteractive apt-get .* install -y awscli" "$calls" \
      && [ "$(tail -1 "$calls")" = "mvn -B verify -o" ]'
fi

setup apt=ok
run CHIME_SKIP_CLI_INTEROP=1 --
check "aws absent, CHIME_SKIP_CLI_INTEROP=1: no install, mvn runs" \
  test "$rc" = 0 -a "$(cat "$calls")" = "mvn -B verify"

setup apt=ok
run CHIME_AWS_CLI=/nonexistent/aws --
check "CHIME_AWS_CLI names nothing runnable: stops with one line, no install" \
  eval 'one_line_naming_the_cli && grep -q "CHIME_AWS_CLI names /nonexistent/aws" "$err" && ! grep -q apt-get "$calls"'

[ "$failures" = 0 ] || { echo "$failures case(s) failed"; exit 1; }
echo "scripts/test: all cases hold"
