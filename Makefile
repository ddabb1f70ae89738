# cxmap — make demo runs the tool on examples/, make test runs every test.
GO      ?= go
BIN     := bin/cxmap
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null)
DATE    ?= $(shell git log -1 --format=%cI 2>/dev/null)
LDFLAGS := -X github.com/cxmap/cxmap/pkg/cli.Version=$(VERSION) -X github.com/cxmap/cxmap/pkg/cli.Commit=$(COMMIT) -X github.com/cxmap/cxmap/pkg/cli.Date=$(DATE)
# make install: into $(PREFIX)/bin when PREFIX is set, else where go install puts binaries
PREFIX  ?=
# the six release targets (.goreleaser.yaml), cross-compiled by make test
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
# pinned tools, run with go run (the Go build cache keeps them built)
GORELEASER ?= go run github.com/goreleaser/goreleaser/v2@v2.17.0
OUT     ?= out

.PHONY: all build install demo check test vet static cross actionlint e2e docs man release-check fmt fuzz bench clean readme-image

all: build

# CGO_ENABLED=0: a static binary, as the release archives are
# (.goreleaser.yaml), so that `make build` and `make bench` measure what
# users run; with cgo the binary loads libc through the dynamic loader at
# every start (50 page faults more, docs/decisions.md "Start-up"). Debug
# information is kept (no -s -w): it is not loaded at run time, so
# stripping saves disk, not start-up.
build:
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/cxmap

## install: go install with the version stamped, or into $(PREFIX)/bin
install:
ifeq ($(PREFIX),)
	CGO_ENABLED=0 $(GO) install -ldflags "$(LDFLAGS)" ./cmd/cxmap
	@bin=$$($(GO) env GOBIN); echo "installed $${bin:-$$($(GO) env GOPATH)/bin}/cxmap (have that directory on your PATH)"
else
	@mkdir -p $(PREFIX)/bin
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $(PREFIX)/bin/cxmap ./cmd/cxmap
	@echo "installed $(PREFIX)/bin/cxmap"
endif

## demo: build cxmap and run it on the bundled examples (about 60 lines; everything it makes is in $(OUT)/)
demo: build
	OUT=$(OUT) ./scripts/demo.sh $(BIN)

## check: the inner loop: gofmt, vet and go test ./... with the build and test cache (make test is what CI runs)
check:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed on:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) test ./...

## test: vet, check formatting, and run every test (unit, golden, end-to-end)
test: vet static cross actionlint
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed on:"; gofmt -l .; exit 1; }
	@command -v chromium >/dev/null 2>&1 || [ -n "$$CXMAP_CHROMIUM" ] || echo "chromium not found: the browser tests of pkg/site are skipped (apt-get install chromium, or set CXMAP_CHROMIUM)"
	@# go test -json, printed as plain go test prints it, then every skipped test and why
	GO=$(GO) $(GO) run ./internal/cmd/gotest -count=1 ./...

vet:
	$(GO) vet ./...
	GOOS=windows $(GO) vet ./...

## static: staticcheck and deadcode, pinned in go.mod's tool section
static:
	$(GO) tool staticcheck ./...
	@out=$$($(GO) tool deadcode -test ./...) || exit 1; \
	if [ -n "$$out" ]; then echo "$$out"; echo "deadcode: unreachable functions above (delete them, or use them)"; exit 1; fi

## cross: build for the six release targets (no output kept)
cross:
	@for p in $(PLATFORMS); do \
		echo "go build $$p"; \
		GOOS=$${p%/*} GOARCH=$${p#*/} $(GO) build -o /dev/null ./cmd/cxmap || exit 1; \
	done

## actionlint: lint action.yml and the example workflows in docs/ci
actionlint:
	./scripts/ci/actionlint.sh

## e2e: the slow end-to-end checks (pre-commit hooks, skipped without pre-commit; the Action's install.sh building cxmap)
e2e:
	CXMAP_E2E=1 $(GO) test -count=1 -timeout 30m -v -run 'TestPreCommit|TestActionInstallLocal' ./internal/disttest

## docs: regenerate docs/cli, the command reference, from the commands, and the pictures of docs/theme.md
docs: build
	$(GO) test ./pkg/cli -run '^TestDocs$$' -update
	BIN=$(BIN) ./scripts/theme-pictures.sh

## man: man pages for every command in $(OUT)/man
man:
	$(GO) run ./cmd/cxmap man $(OUT)/man

## release-check: goreleaser check, then a snapshot build of every archive into dist/
release-check:
	$(GORELEASER) check
	$(GORELEASER) release --snapshot --clean

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
	BIN=$(BIN) ./scripts/startup.sh
	BIN=$(BIN) ./scripts/bench.sh
	@echo "deck -f pdf,pptx (one generated journey)"
	@for s in 16 60 200; do \
	  [ -f .bench/deck-$$s/journey-0000.yaml ] || $(GO) run ./internal/cmd/genjourneys -n 1 -steps $$s -o .bench/deck-$$s >/dev/null; \
	  /usr/bin/time -f "$$s steps: %e s wall, %U s user, %M KB peak" $(BIN) deck .bench/deck-$$s/journey-0000.yaml -f pdf,pptx -o .bench/deck-out; \
	done
	@echo "measure: 1,000,000 response rows, beside the encoding/csv parse floor of the same file"
	@[ -f .bench/responses-1m.csv ] || $(GO) run ./internal/cmd/gensurvey -journey examples/insurance-claim.yaml -n 76924 -driver wait-for-adjuster -o .bench/responses-1m.csv
	@$(GO) build -o .bench/csvfloor ./internal/cmd/csvfloor
	/usr/bin/time -f "encoding/csv floor: %e s wall, %U s user, %M KB peak" .bench/csvfloor .bench/responses-1m.csv
	/usr/bin/time -f "cxmap measure: %e s wall, %U s user, %M KB peak" $(BIN) measure .bench/responses-1m.csv --journey examples/insurance-claim.yaml >/dev/null
	/usr/bin/time -f "cxmap report --drivers: %e s wall, %U s user, %M KB peak" $(BIN) report --drivers .bench/responses-1m.csv examples/insurance-claim.yaml >/dev/null

## readme-image: redraw the picture at the top of README.md
readme-image: build
	$(BIN) render examples/insurance-claim.yaml -f png --scale 1 -o docs/img/

clean:
	rm -rf bin $(OUT) .bench dist
