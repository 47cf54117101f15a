#!/usr/bin/env bash
# Times the journeymap binary end to end on a generated corpus: N copies of
# the examples (default 500 journeys) under one workspace. Uses hyperfine
# when installed (apt-get install hyperfine), else bash's time.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}   # copies of the five examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/journeymap" ./cmd/journeymap
mkdir -p "$work/corpus"
cp examples/journeymap.yaml "$work/corpus/"
for i in $(seq 1 "$n"); do
  for f in examples/*.journey.yaml; do
    b=$(basename "$f" .journey.yaml)
    sed "s/^id: .*/id: $b-$i/" "$f" > "$work/corpus/$b-$i.journey.yaml"
  done
done
count=$(ls "$work/corpus"/*.journey.yaml | wc -l)
echo "corpus: $count journeys, $(du -sh "$work/corpus" | cut -f1)"
jm="$work/journeymap"
cmds=(
  "$jm validate $work/corpus"
  "$jm lint --format json $work/corpus"
  "$jm render examples/plan-upgrade.journey.yaml -o $work/one.svg"
  "$jm render examples/plan-upgrade.journey.yaml -o $work/one.png"
  "$jm render $work/corpus -O $work/maps --format svg"
)
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs 5 -i "${cmds[@]}"
else
  for c in "${cmds[@]}"; do
    echo "== $c"
    ( time ($c >/dev/null 2>&1 || true) ) 2>&1 | grep real
  done
fi
