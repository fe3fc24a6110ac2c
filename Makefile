# Thin wrapper over CMake, in the manner of DuckDB's.
#   make            release build into build/release
#   make debug      debug build into build/debug
#   make test       install deps, build, run every test (unit, C API, W3C suites)
#   make demo       install deps, build, run the example on bundled data
#   make install    install into PREFIX (default /usr/local)
#   make bench      benchmarks (not part of make test)
#   make asan       C API tests under AddressSanitizer + UBSan (build/asan)
#   make clean
PREFIX ?= /usr/local
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build/release
CMAKE_FLAGS ?=
KIKV_SHARED ?= $(abspath ../shared)

.PHONY: all release debug test demo install bench deps clean asan

all: release

deps:
	@scripts/install-deps

release: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DKIKV_SHARED=$(KIKV_SHARED) $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

debug:
	$(MAKE) release BUILD=build/debug CMAKE_FLAGS="-DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS)"

test: release
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: release
	@scripts/demo $(BUILD)

asan: deps
	cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DKIKV_SANITIZE=address,undefined -DKIKV_SHARED=$(KIKV_SHARED) >/dev/null
	cmake --build build/asan -j $(JOBS) --target kikv test_capi_core test_capi_stmt test_capi_txn test_capi_threads test_capi_free_null
	cd build/asan && ctest --output-on-failure -R '^capi_'

install: release
	cmake --install $(BUILD) --prefix $(PREFIX)

bench:
	@scripts/install-deps --bench
	cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DKIKV_BUILD_BENCHMARKS=ON -DKIKV_SHARED=$(KIKV_SHARED) >/dev/null
	cmake --build build/bench -j $(JOBS)
	benchmarks/run build/bench

clean:
	rm -rf build
