#!/usr/bin/env bash
# End-to-end check of `journeymap lsp` with a real client: Neovim's built-in
# LSP client, headless. usage: lsp.sh JOURNEYMAP_BINARY
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/journeymap.yaml" <<'YAML'
version: 1
owners:
  web-team: {name: Web team}
  care-team: {name: Care team}
personas:
  busy-parent: {name: Busy parent, segment: high-value}
channels:
  web: {name: Website, kind: digital, owner: web-team}
  phone: {name: Call centre, kind: assisted, owner: care-team}
YAML
cat > "$work/pay.journey.yaml" <<'YAML'
version: 1
id: pay-bill
title: Pay a bill
owner: web-team
persona: busy-parent
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: open-bill
        name: Opens the bill
        channel: web
        owner: web-team
        emotion: 0
      - id: call
        name: Calls about a charge
        channel: phone
        owner: care-team
        moment_of_truth: The agent must see the bill the customer sees
        emotion: -1
        next: []
YAML
status=0
JM_BIN="$bin" JM_FILE="$work/pay.journey.yaml" JM_OUT="$work/result.txt" \
  timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $here/lsp.lua" >"$work/nvim.log" 2>&1 || status=$?
if [ ! -s "$work/result.txt" ]; then
  echo "FAIL neovim produced no result (exit $status)"
  cat "$work/nvim.log"
  echo "lsp-e2e: 0 passed, 1 failed"
  exit 1
fi
cat "$work/result.txt"
passed=$(grep -c '^ok ' "$work/result.txt" || true)
failed=$(grep -c '^FAIL' "$work/result.txt" || true)
# When Neovim quits, its language server must end too: no orphan.
sleep 1
if pgrep -f "^$bin lsp" >/dev/null; then
  echo "FAIL the language server outlived Neovim"
  failed=$((failed + 1))
else
  echo "ok   the language server ended with Neovim"
  passed=$((passed + 1))
fi
if [ "$status" -ne 0 ]; then
  echo "FAIL neovim exited $status"
  failed=$((failed + 1))
fi
echo "lsp-e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -eq 10 ]
