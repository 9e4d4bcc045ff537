# Gongkai — top-level tasks. `make run` and `make test` work on a fresh Debian 12
# machine: both install what is missing first (scripts/deps.sh, needs root).
BUILD ?= build
JOBS ?= 2
FUZZ_SECONDS ?= 60

.PHONY: all deps build run test bench fmt fuzz clean

all: build

deps:
	@scripts/deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@mkdir -p var
	$(BUILD)/gongkai serve --db sqlite:var/gongkai.db --listen 127.0.0.1:8080 --demo

test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

bench: build
	@scripts/bench.sh $(BUILD)

fmt:
	@clang-format -i $$(git ls-files '*.cpp' '*.h')

# libFuzzer targets (clang-14); FUZZ_SECONDS per target, new inputs kept in fuzz/corpus/.
fuzz: deps
	@cmake -S . -B build-fuzz -G Ninja -DGK_FUZZ=ON -DGK_TESTS=OFF -DGK_BENCH=OFF \
	  -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@scripts/fuzz.sh build-fuzz $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) build-fuzz
