#!/bin/sh
# add.sh DIR NAME... — add looked-at sets to the corpus, gated for safety only.
#
# NAME is a source file prefix (holdout334, wordmodel96a): DIR/NAME-*.txt is
# copied into gen/src, NAME appended to the generator's late list, and its
# split (holdout334; wordmodel96 for wordmodel96a) to TestCorpus's splits as
# safety-only. Then run `go run ./classify/testdata/gen` and retrain the
# model (`go test ./classify -run TestWriteWordModel -write-model`).
# Record the set's first look (look.sh) before running this.
set -eu
dir=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
gen=$here/gen/main.go tests=$here/../corpus_test.go
for n in "$@"; do
	cp "$dir/$n"-*.txt "$here/gen/src/"
	grep -q "\"$n\"" "$gen" || sed -i "s/^\(\tlate := \[\]string{.*\)}$/\1, \"$n\"}/" "$gen"
	split=$(echo "$n" | sed 's/^\(wordmodel[0-9]*\)[a-z]$/\1/')
	grep -q "{\"$split\", true}" "$tests" && continue
	awk -v s="$split" '
		/^\t\t\{"wordmodel34", true\}/ { if (s ~ /^wordmodel/) $0 = $0 " {\"" s "\", true},"; else prev = prev " {\"" s "\", true}," }
		NR > 1 { print prev }
		{ prev = $0 }
		END { print prev }' "$tests" > "$tests.new"
	mv "$tests.new" "$tests"
done
