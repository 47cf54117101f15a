#!/usr/bin/env bash
# engine-bench.sh — the measurements in docs/engine.md: one-file lint against
# a yaml.v3 parse-only program, and 100-journey SVG and PNG batches against
# native `dot` (apt-get install graphviz), each as medians of alternating runs.
#   scripts/engine-bench.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
command -v dot >/dev/null || { echo "needs native Graphviz: apt-get install graphviz" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/journeymap" ./cmd/journeymap
jm="$work/journeymap"

mkdir -p "$work/parseonly"
cat > "$work/parseonly/main.go" <<'GO'
// Decodes a YAML file with yaml.v3 and nothing else.
package main

import (
	"os"

	"gopkg.in/yaml.v3"
)

func main() {
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		os.Exit(2)
	}
	var n yaml.Node
	if yaml.Unmarshal(b, &n) != nil {
		os.Exit(1)
	}
}
GO
printf 'module parseonly\n\ngo 1.26\n\nrequire gopkg.in/yaml.v3 v3.0.1\n' > "$work/parseonly/go.mod"
cp go.sum "$work/parseonly/"
(cd "$work/parseonly" && go build -o "$work/parse" .)

mkdir -p "$work/corpus" "$work/dots" "$work/out-jm" "$work/out-dot"
cp examples/journeymap.yaml "$work/corpus/"
for i in $(seq 1 20); do
	for f in examples/*.journey.yaml; do
		b=$(basename "$f" .journey.yaml)
		sed -E "0,/^id: /s/^id: .*/id: $b-$i/" "$f" > "$work/corpus/$b-$i.journey.yaml"
	done
done
for f in "$work"/corpus/*.journey.yaml; do
	"$jm" render --format dot "$f" > "$work/dots/$(basename "$f" .journey.yaml).dot"
done

one=examples/plan-upgrade.journey.yaml
echo "== one file ($one), $((rounds * 8)) rounds"
python3 scripts/alternate.py $((rounds * 8)) "parse-only=$work/parse $one" "lint=$jm lint $one" \
	"validate=$jm validate $one" "version=$jm version" "help=$jm --help"
for fmt in svg png; do
	echo "== 100 journeys, $fmt, $rounds rounds"
	python3 scripts/alternate.py "$rounds" \
		"dot=for f in $work/dots/*.dot; do dot -T$fmt \$f -o $work/out-dot/\$(basename \$f .dot).$fmt; done" \
		"journeymap=$jm render -O $work/out-jm --format $fmt $work/corpus"
done
echo "load: $(uptime | sed 's/.*load/load/')"
