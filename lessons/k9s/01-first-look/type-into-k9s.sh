#!/bin/sh
# Types keys into a real k9s, as you would, and waits for what it draws. Dockside's own tests use
# it to prove the k9s lessons where nobody sits at a keyboard; in a lesson, you type the keys.
#
#   sh type-into-k9s.sh [K9S-OPTION ... --] STEP ...
#
# k9s starts in a pseudo-terminal of its own (160x40, through `script`), with the options given
# before `--`. Each STEP is one of:
#   see:TEXT   wait up to 30 s until k9s has drawn TEXT since the keys before (text that k9s
#              redraws only in part, such as a changed number, may never appear whole)
#   file:GLOB  wait up to 30 s until a file matches GLOB (what Ctrl-S saves)
#   run:CMD    run a shell command while k9s keeps running
#   KEYS       type them; <Enter> <Esc> <Tab> <Space> <BS> <Up> <Down> <C-f> <C-b> <C-d> <C-k> <C-s>
#              stand for those keys
# The last step should quit k9s (`:q<Enter>`): k9s saves its state under $K9S_CONFIG_DIR as it
# quits. Set K9S_SCREEN_LOG to keep what k9s drew, for a look when a wait fails.
set -eu

# Never a k9s that would ask GitHub for a newer release: only with a config that turns it off.
grep -qs 'skipLatestRevCheck: *true' "${K9S_CONFIG_DIR:-/nonexistent}/config.yaml" || {
  echo "type-into-k9s.sh: \$K9S_CONFIG_DIR/config.yaml must say skipLatestRevCheck: true" >&2
  exit 1
}

options=''
case "${1-}" in
  -*)
    while [ $# -gt 0 ] && [ "$1" != -- ]; do options="$options '$1'"; shift; done
    [ $# -gt 0 ] && shift
    ;;
esac

work=$(mktemp -d)
trap 'kill "$k9s" 2>/dev/null || true; rm -rf "$work"' EXIT
screen=${K9S_SCREEN_LOG:-$work/screen}
: >"$screen"
mkfifo "$work/keys"
script -qfec "stty rows 40 cols 160; exec k9s $options" "$screen" <"$work/keys" >/dev/null &
k9s=$!
exec 3>"$work/keys"
mark=0

# What k9s drew since the last keys, without the terminal's escape sequences.
drawn() { tail -c "+$((mark + 1))" "$screen" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\x1b[()][0-9A-Za-z]//g'; }

see() {
  tries=0
  until drawn | grep -qF -- "$1"; do
    kill -0 "$k9s" 2>/dev/null || { echo "k9s quit before drawing: $1" >&2; exit 1; }
    tries=$((tries + 1))
    [ "$tries" -le 150 ] || { echo "k9s did not draw '$1' within 30 s" >&2; exit 1; }
    sleep 0.2
  done
}

saved() {
  tries=0
  # shellcheck disable=SC2086 # the pattern is meant to expand
  until ls -d $1 >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ "$tries" -le 150 ] || { echo "no file like $1 within 30 s" >&2; exit 1; }
    sleep 0.2
  done
}

press() {
  mark=$(wc -c <"$screen")
  printf '%s' "$1" | sed 's/<Enter>/\r/g; s/<Esc>/\x1b/g; s/<Tab>/\t/g; s/<Space>/ /g; s/<BS>/\x7f/g;
    s/<Up>/\x1b[A/g; s/<Down>/\x1b[B/g; s/<C-f>/\x06/g; s/<C-b>/\x02/g; s/<C-d>/\x04/g; s/<C-k>/\x0b/g;
    s/<C-s>/\x13/g' >&3
}

for step in "$@"; do
  case $step in
    see:*) see "${step#see:}" ;;
    file:*) saved "${step#file:}" ;;
    run:*) sh -ec "${step#run:}" ;;
    *) press "$step" ;;
  esac
done

# Give k9s 30 s to save its state and quit.
tries=0
while kill -0 "$k9s" 2>/dev/null; do
  tries=$((tries + 1))
  [ "$tries" -le 150 ] || { echo "k9s is still running after the last step (end with :q<Enter>)" >&2; exit 1; }
  sleep 0.2
done
exec 3>&-
wait "$k9s"
