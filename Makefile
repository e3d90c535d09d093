# trex — see README.md. `make run` opens the bundled samples, `make test` runs every test.
SWIFT ?= swift

.PHONY: setup build release run test bench fuzz dist install clean

setup:
	@scripts/setup

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product trex

run: release
	.build/release/trex docs/samples

test: setup
	@scripts/otel-venv || echo "make: no OpenTelemetry SDK venv (PyPI unreachable?): the real-SDK tests will say they are skipped" >&2
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: setup
	$(SWIFT) build -c release --product trex
	$(SWIFT) build -c release --product trex-bench
	.build/release/trex-bench

fuzz: setup
	scripts/fuzz all $(or $(FUZZ_SECONDS),60)

# One file to copy to a server: dist/trex-VERSION-linux-ARCH.tar.gz (see scripts/dist).
dist: setup
	SWIFT=$(SWIFT) scripts/dist

# The dist binary, its man page and completions under PREFIX (default /usr/local).
PREFIX ?= /usr/local
install: dist
	scripts/install "$(PREFIX)"

clean:
	rm -rf .build .build-fuzz .build-dist dist
