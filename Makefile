# cxmap — make demo runs the tool on examples/, make test runs every test.
GO      ?= go
BIN     := bin/cxmap
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/cxmap/cxmap/pkg/cli.Version=$(VERSION)
OUT     ?= out

.PHONY: all build demo test vet fmt fuzz bench clean readme-image

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/cxmap

## demo: build cxmap and run it on the bundled examples
demo: build
	@echo "== cxmap validate examples/"
	$(BIN) validate examples/
	@echo "== cxmap lint examples/ (and a SARIF report for code scanning)"
	$(BIN) lint examples/
	@mkdir -p $(OUT)
	$(BIN) lint -o $(OUT)/lint.sarif examples/
	@echo "== cxmap render examples/ -> $(OUT)/ (SVG, PNG, PDF; one slide per stage in $(OUT)/slides/)"
	$(BIN) render examples/ -f svg,png,pdf -o $(OUT)/
	@mkdir -p $(OUT)/slides
	$(BIN) render examples/insurance-claim.yaml --split stage -f png,pdf -o $(OUT)/slides/
	@echo "== cxmap report examples/"
	$(BIN) report examples/
	@echo "== cxmap diff: the building permit, current vs future state"
	$(BIN) diff examples/building-permit/current.yaml examples/building-permit/future.yaml

## test: vet, check formatting, and run every test (unit, golden, end-to-end)
test: vet
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed on:"; gofmt -l .; exit 1; }
	@command -v chromium >/dev/null 2>&1 || [ -n "$$CXMAP_CHROMIUM" ] || echo "chromium not found: the browser tests of pkg/site are skipped (apt-get install chromium, or set CXMAP_CHROMIUM)"
	$(GO) test -count=1 ./...

vet:
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

## fuzz: run each fuzz target briefly (FUZZTIME=1m for longer)
FUZZTIME ?= 10s
fuzz:
	$(GO) test ./pkg/journey -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 3s
	$(GO) test ./pkg/lint -run '^$$' -fuzz '^FuzzLint$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 3s
	$(GO) test ./pkg/render/raster -run '^$$' -fuzz '^FuzzRender$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 3s
	$(GO) test ./pkg/render/draw -run '^$$' -fuzz '^FuzzEscape$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 3s

## bench: Go benchmarks, then cxmap on a generated 1,000-journey portfolio
bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./pkg/...
	BIN=$(BIN) ./scripts/bench.sh

## readme-image: redraw the picture at the top of README.md
readme-image: build
	$(BIN) render examples/insurance-claim.yaml -f png --scale 1 -o docs/img/

clean:
	rm -rf bin $(OUT) .bench
