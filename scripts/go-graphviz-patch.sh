#!/bin/sh
# go-graphviz-patch.sh — check or regenerate third_party/go-graphviz/journeymap.patch.
#
#   scripts/go-graphviz-patch.sh          check: upstream + patch == third_party/go-graphviz
#   scripts/go-graphviz-patch.sh --write  rewrite the patch from third_party/go-graphviz
#
# Upstream is github.com/goccy/go-graphviz at the version in
# third_party/go-graphviz/PATCHES.md, fetched with `go mod download`. The import
# paths are rewritten to ours first (a mechanical step, not part of the patch).
set -eu
cd "$(dirname "$0")/.."
version=v0.2.10
ours=third_party/go-graphviz
patch=$ours/journeymap.patch

src=$(cd "$(mktemp -d)" && GOFLAGS=-mod=mod go mod download -json "github.com/goccy/go-graphviz@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -n "$src" ] || { echo "cannot download go-graphviz $version" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/a" "$work/b"
for f in LICENSE README.md alias.go graphviz.go option.go graphviz.version cdt cgraph gvc internal; do
	cp -R "$src/$f" "$work/a/"
done
chmod -R u+w "$work/a"
find "$work/a" -name '*.go' -exec sed -i \
	-e 's#"github.com/goccy/go-graphviz#"github.com/journeymap/journeymap/third_party/go-graphviz#' \
	-e 's#go:linkname \([A-Za-z]*\) github.com/goccy/go-graphviz/#go:linkname \1 github.com/journeymap/journeymap/third_party/go-graphviz/#' {} +
gofmt -w "$work/a"

if [ "${1:-}" = "--write" ]; then
	cp -R "$ours/." "$work/b/"
	rm -f "$work/b/journeymap.patch" "$work/b/PATCHES.md"
	(cd "$work" && diff -ruN a b) | sed -E "s/^(\+\+\+|---) ([^\t]+)\t.*/\1 \2/" > "$patch" || true
	echo "wrote $patch ($(grep -c '^+++ ' "$patch") files)"
	exit 0
fi

(cd "$work/a" && patch -s -p1 < "$OLDPWD/$patch")
if diff -r -x journeymap.patch -x PATCHES.md "$work/a" "$ours" >/dev/null; then
	echo "ok: $ours is go-graphviz $version with $patch"
else
	diff -r -x journeymap.patch -x PATCHES.md "$work/a" "$ours" | head -40
	echo "$ours differs from go-graphviz $version + $patch: run $0 --write and review" >&2
	exit 1
fi
