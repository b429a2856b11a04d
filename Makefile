# The two commands (see README): `make build` builds the extension and CLI, `make test` runs every check.
.PHONY: build test e2e bench
build:
	scripts/build.sh
test:
	scripts/test.sh
e2e:
	node --test --test-concurrency=1 tests/e2e/
bench:
	cargo bench -p primum-core
