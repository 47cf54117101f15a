# journeymap — build, install, test.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.buildVersion=$(VERSION)
GOBIN   := $(shell $(GO) env GOPATH)/bin
# journeymap needs no C: a static binary starts faster (no dynamic loader,
# no libc to map) and runs on any Linux. Tests keep cgo, which -race needs.
NOCGO   := CGO_ENABLED=0

.PHONY: all build install test vet lint fmt bench bench-go fuzz docs clean e2e

all: build

build: ## Build ./bin/journeymap
	$(NOCGO) $(GO) build -ldflags "$(LDFLAGS)" -o bin/journeymap ./cmd/journeymap

install: ## Install journeymap into $(GOBIN)
	$(NOCGO) $(GO) install -ldflags "$(LDFLAGS)" ./cmd/journeymap
	@case ":$$PATH:" in *":$(GOBIN):"*) ;; *) echo "note: $(GOBIN) is not on your PATH; run $(GOBIN)/journeymap or add it to PATH";; esac

test: vet lint ## Vet, check formatting, and run every test with the race detector
	$(GO) test -race -count=1 ./...

vet:
	$(GO) vet ./...

lint: ## Fail if any Go file is not gofmt-formatted
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

fmt:
	gofmt -w $$(git ls-files '*.go')

e2e: build ## End-to-end checks with real clients: Chromium for serve, Neovim for lsp (needs node, chromium, nvim)
	cd scripts/e2e && npm ci --no-audit --no-fund --loglevel=error
	node scripts/e2e/serve.mjs bin/journeymap
	scripts/e2e/lsp.sh bin/journeymap

bench: ## Measure journeymap beside its baselines (hyperfine, dot) and update docs/performance.md
	./scripts/bench.sh

bench-go: ## Run the Go micro-benchmarks
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Fuzz targets as PACKAGE:Target, each run for FUZZTIME. New inputs that
# fail are written to PACKAGE/testdata/fuzz/Target/ by go test; commit them:
# they stay as seeds that every `make test` runs. A new target adds itself
# here.
FUZZTIME ?= 30s
FUZZ_TARGETS := ./journey:FuzzParse ./lint:FuzzLint ./lint:FuzzWorkspace ./render:FuzzRenderEscaping \
	./journey/canon:FuzzFormat ./lint:FuzzCustomRule ./lint:FuzzParseBaseline ./lint:FuzzJSONString

fuzz: ## Run every fuzz target for FUZZTIME (default 30s) each
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "== $$name in $$pkg for $(FUZZTIME)"; \
		$(GO) test "$$pkg" -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME); \
	done

docs: ## Regenerate docs/rules.md, docs/cli.md, the examples' schemas and the example maps
	TESTDATA_ACCEPT=1 $(GO) test ./journey/schema -run TestExampleSchemas
	TESTDATA_ACCEPT=1 $(GO) test ./lint -run TestRulesDoc
	TESTDATA_ACCEPT=1 $(GO) test ./cmd/journeymap -run TestCLIDoc
	./scripts/example-maps.sh

clean:
	rm -rf bin

# diff and export fuzz targets (make fuzz runs FUZZ_TARGETS).
FUZZ_TARGETS += ./diff:FuzzCompare ./export:FuzzExport ./journey:FuzzShapesMatchPatterns
FUZZ_TARGETS += ./render/internal/graphviz:FuzzReadFrame
