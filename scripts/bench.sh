#!/usr/bin/env bash
# make bench: measures journeymap beside the baselines of issue 7, side by
# side, and writes the table into docs/performance.md (between the bench
# markers; the analysis around it is written by hand).
#
# Each comparison runs as alternating pairs: hyperfine is called once per
# pair with both commands (journeymap first, then its baseline), so a
# change in machine load hits both sides alike; the table shows the median
# of the per-pair ratios. Needs hyperfine and Graphviz's dot
# (apt-get install -y hyperfine graphviz) and GNU time for peak memory.
#
# Environment (defaults keep a run to a few minutes on 2 cores):
#   BENCH_SIZES   corpus sizes for corpus lint        (default "200 2000 8000")
#   BENCH_PAIRS   pairs per comparison                (default 5)
#   BENCH_BATCH   journeys in the render batches      (default 100)
#   BENCH_BATCH_PAIRS pairs per batch comparison      (default 3)
#   BENCH_DOC     where to write the table ("" = print only; default docs/performance.md)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${BENCH_SIZES:-200 2000 8000}
pairs=${BENCH_PAIRS:-5}
batch=${BENCH_BATCH:-100}
batch_pairs=${BENCH_BATCH_PAIRS:-3}
doc=${BENCH_DOC-docs/performance.md}

for tool in hyperfine dot; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found (apt-get install -y hyperfine graphviz)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=$work/results
mkdir -p "$results"

echo "== building"
CGO_ENABLED=0 go build -o "$work/journeymap" ./cmd/journeymap # as make install builds it
CGO_ENABLED=0 go build -o "$work/yamldecode" ./scripts/yamldecode
go build -o "$work/gencorpus" ./scripts/gencorpus
go build -o "$work/benchreport" ./scripts/benchreport
jm=$work/journeymap
dec=$work/yamldecode

echo "== generating corpora: $sizes journeys, and $batch for the render batches"
for n in $sizes; do "$work/gencorpus" -kind corpus -n "$n" -out "$work/corpus-$n"; done
"$work/gencorpus" -kind corpus -n "$batch" -seed 2 -out "$work/batch"
one=examples/plan-upgrade.journey.yaml

# The native baseline renders the same DOT journeymap lays out.
"$jm" render "$work/batch" -O "$work/dot" --format dot >"$work/dot.log" 2>&1 ||
  { echo "bench: journeymap cannot write the batch's DOT:" >&2; grep -v '^wrote' "$work/dot.log" | head -5 >&2; exit 1; }
for fmt in svg png; do
  mkdir -p "$work/native-$fmt"
  {
    echo 'set -e'
    for f in "$work"/dot/*.dot; do
      echo "dot -T$fmt '$f' -o '$work/native-$fmt/$(basename "$f" .dot).$fmt'"
    done
  } > "$work/native-$fmt.sh"
done

manifest=$results/manifest.tsv
: > "$manifest"
# compare LABEL TARGET PAIRS JOURNEYMAP-COMMAND BASELINE-COMMAND BASELINE-DESCRIPTION
compare() {
  local label=$1 target=$2 n=$3 a=$4 b=$5 what=$6
  echo "== $label ($n pairs)"
  mkdir -p "$results/$label"
  printf '%s\t%s\t%s\t%s\n' "$label" "$target" "${a//$work\//}" "$what" >> "$manifest"
  hyperfine -N -i --runs 1 "$a" "$b" >/dev/null 2>&1 # warm the page cache and any compile cache
  for i in $(seq 1 "$n"); do
    hyperfine -N -i --runs 1 --export-json "$results/$label/$i.json" "$a" "$b" >/dev/null 2>&1
  done
}

compare "one-file lint" 2.5 "$pairs" "$jm lint $one" "$dec $one" "a program that only parses the same file with yaml.v3"
compare "version" 2.5 "$pairs" "$jm version" "$dec $one" "the same parse-only program"
compare "--help" 2.5 "$pairs" "$jm --help" "$dec $one" "the same parse-only program"
for n in $sizes; do
  target=""
  case $n in 2000|8000) target=1.2 ;; esac
  compare "corpus lint, $n journeys" "$target" "$pairs" "$jm lint --format json $work/corpus-$n" "$dec $work/corpus-$n" \
    "a single-goroutine yaml.v3 decode of the same files (scripts/yamldecode)"
done
compare "SVG batch of $batch" 0.5 "$batch_pairs" "$jm render $work/batch -O $work/out-svg --format svg" "sh $work/native-svg.sh" \
  "$batch native \`dot -Tsvg\` processes on the same DOT, one after another"
compare "PNG batch of $batch" 0.7 "$batch_pairs" "$jm render $work/batch -O $work/out-png --format png" "sh $work/native-png.sh" \
  "$batch native \`dot -Tpng\` processes on the same DOT, one after another"

rss=$results/rss.tsv
: > "$rss"
if /usr/bin/time -f %M true >/dev/null 2>&1; then
  for n in $sizes; do
    target=""
    [ "$n" = 2000 ] && target=200
    kb=$( { /usr/bin/time -f %M "$jm" lint --format json "$work/corpus-$n" >/dev/null; } 2>&1 | tail -1)
    printf 'corpus lint, %s journeys (%s of input)\t%s\t%s\n' "$n" "$(du -sh "$work/corpus-$n" | cut -f1)" "$kb" "$target" >> "$rss"
  done
fi

{
  echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit:  $(git describe --always --dirty 2>/dev/null || echo unknown)"
  echo "cpu:     $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//')"
  echo "memory:  $(free -h 2>/dev/null | awk '/^Mem:/ {print $2}')"
  echo "os:      $(uname -sr)"
  echo "go:      $(go version | cut -d' ' -f3-)"
  echo "tools:   $(hyperfine --version), $(dot -V 2>&1)"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) (1, 5, 15 min averages when the run ended)"
} > "$results/machine.txt"

echo
args=(-dir "$results" -manifest "$manifest" -machine "$results/machine.txt")
[ -s "$rss" ] && args+=(-rss "$rss")
[ -n "$doc" ] && args+=(-doc "$doc")
"$work/benchreport" "${args[@]}"
