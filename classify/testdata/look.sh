#!/bin/sh
# look.sh COMMIT DIR SET... — the first look at new corpus sets.
#
# Checks COMMIT out in a worktree under /tmp, adds DIR/SET-*.txt there with
# add.sh (copied into gen/src, appended to the generator's late list unless
# the commit has it already), renders the corpus and runs TestLook on the sets
# with the classifier and word model of COMMIT. Nothing in the repository
# changes. Prints the per-set lines and the table of all sets together; set
# PRIVACYD_LOOK_ERRORS=1 to print each mail's errors too (for mining, after
# the look is recorded). Run from anywhere inside the repository.
set -eu
commit=$1 dir=$2
shift 2
top=$(git rev-parse --show-toplevel)
wt=/tmp/look-$(git -C "$top" rev-parse --short "$commit")
if [ ! -d "$wt" ]; then
	git -C "$top" worktree add --detach "$wt" "$commit" >/dev/null 2>&1
fi
[ -f "$wt/classify/look_test.go" ] || cp "$top/classify/look_test.go" "$wt/classify/"
# add.sh copies the sets in and registers them, in the worktree.
cp "$top/classify/testdata/add.sh" "$wt/classify/testdata/add.sh"
dir=$(cd "$dir" && pwd)
sh "$wt/classify/testdata/add.sh" "$dir" "$@"
splits=
for s in "$@"; do
	split=$(echo "$s" | sed 's/^\(wordmodel[0-9]*\)[a-z]$/\1/')
	case ",$splits," in *",$split,"*) ;; *) splits=${splits:+$splits,}$split ;; esac
done
cd "$wt"
go run ./classify/testdata/gen >/dev/null
PRIVACYD_LOOK=$splits go test -count=1 -run '^TestLook$' -v ./classify | grep -v '^=== RUN\|^--- \|^PASS\|^ok\|^FAIL' | sed 's/^ *look_test.go:[0-9]*: //'
