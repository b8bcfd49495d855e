# The two commands of the README: `make run` and `make test`. Everything else is a helper.
.PHONY: run test deps build test-asan fuzz lint format bench clean

deps:
	scripts/install-deps.sh

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $$(nproc)
	@echo "tdkt binary: build/release/bin/tdkt"

run: build
	scripts/run.sh

test: deps
	scripts/test.sh

test-asan: deps
	TDKT_TEST_PRESET=asan TDKT_TEST_PG_PORT=55433 scripts/test.sh

# libFuzzer (clang) under ASan and UBSan, 1,000,000 runs per target: docs/reliability.md, "Fuzzing".
fuzz: deps
	scripts/fuzz.sh

lint: deps
	cmake --preset ci >/dev/null
	scripts/lint.sh build/ci

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

bench: deps
	bench/run.sh

clean:
	rm -rf build test-output
