#!/usr/bin/env bash
# Renders the example journeys into docs/images/, as shown in the README.
# Run through `make docs`. Output is deterministic, so an unchanged journey
# gives an unchanged file and a clean git diff.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/journeymap
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/journeymap
out=docs/images
mkdir -p "$out"
for view in flow map emotion channels; do
  "$bin" render examples/plan-upgrade.journey.yaml --view "$view" -o "$out/plan-upgrade-$view.svg"
  "$bin" render examples/plan-upgrade.journey.yaml --view "$view" --size 16:9 --dpi 96 -o "$out/plan-upgrade-$view.png"
done
"$bin" render examples/benefit-application.journey.yaml --lint -o "$out/benefit-application-lint.png"
"$bin" render examples/insurance-claim.journey.yaml --theme dark -o "$out/insurance-claim-dark.png"
"$bin" render examples/plan-upgrade.journey.yaml --view map --split -o "$out/plan-upgrade-map-slide.png"
"$bin" render examples/insurance-claim.journey.yaml --view emotion --size 16:9 --theme mono -o "$out/insurance-claim-emotion-mono.png"
"$bin" render examples/online-checkout.journey.yaml examples/bank-onboarding.journey.yaml --view emotion --label "Online checkout" --label "Bank onboarding" -o "$out/emotion-overlay.svg"
echo "wrote $(ls "$out" | wc -l) files to $out"
