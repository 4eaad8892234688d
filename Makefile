# Offhook. The two commands: `make run` and `make test`. Both install what they need.
SWIFT ?= swift
CONFIG ?= Hardware/simulated/offhook.conf
BIN_DEBUG = .build/debug/offhook
BIN_RELEASE = .build/release/offhook
SHARED ?= ../shared

.PHONY: run test build release bench dsp-score vm-test deps-build prompts clean

deps-build:
	@scripts/deps.sh build

build: deps-build
	@$(SWIFT) build -q

release: deps-build
	@$(SWIFT) build -q -c release

## make prompts: records the example scripts' prompts (asterisk-core-sounds-en-wav, espeak-ng)
prompts:
	@scripts/deps.sh prompts
	@scripts/make-prompts.sh

## make run: the daemon on the simulated card from Hardware/ (or the real card when one is present)
run: release prompts
	@echo "Call into this daemon as a caller (in another terminal; the keyboard is the keypad, q hangs up):"
	@echo "  $(BIN_RELEASE) call"
	@echo "  $(BIN_RELEASE) call --keys \"1 0\" --from 13912345678   (scripted keys; 0 reaches an agent)"
	@echo "Be the agent at phone 1 (Enter answers, q quits):  $(BIN_RELEASE) phone 1"
	@echo "Or the same script on a simulated card of its own, faster than real time:"
	@echo "  $(BIN_RELEASE) simulate IVRScripts/hotline.ivr --keys \"1 1 12345678#\""
	@$(BIN_RELEASE) run --config $(CONFIG)

## make test: unit tests, the conformance suite on the simulated card, the loopback harness,
## and the DSP corpus regression (it runs the release binary: sample loops are slow in debug)
test: deps-build prompts release
	@scripts/deps.sh test
	@$(SWIFT) build -q --build-tests
	@$(SWIFT) test -q --skip-build --parallel

DSP_CORPUS = $(SHARED)/dsp-corpus
CC ?= gcc
# The last CPU, as the kit's run_spandsp.sh pins its harness.
BENCH_CPU ?= $(shell echo $$(( $$(nproc) - 1 )))
BENCH_RUNS ?= 9

## make dsp-score: offhook's detectors over the DSP corpus, scored by the kit beside SpanDSP
dsp-score: release
	@scripts/deps.sh bench
	@mkdir -p .build/dsp-score
	@$(BIN_RELEASE) dsp detect --corpus $(DSP_CORPUS)/corpus --out .build/dsp-score
	@python3 $(DSP_CORPUS)/score.py --corpus $(DSP_CORPUS)/corpus --dtmf .build/dsp-score/dtmf.tsv \
	    --tones .build/dsp-score/tones.tsv --name "offhook $$(git rev-parse --short HEAD 2>/dev/null)" \
	    --json .build/dsp-score/score.json --fp-detail .build/dsp-score/false_positives.tsv \
	    | tee .build/dsp-score/score.txt
	@python3 $(DSP_CORPUS)/compare.py $(DSP_CORPUS)/results/spandsp/score.json .build/dsp-score/score.json
	@python3 scripts/dsp-targets.py .build/dsp-score/score.json $(DSP_CORPUS)/results/spandsp/score.json

## make bench: offhook's DSP timed beside SpanDSP (the kit's harness, built here), one core, release
bench: release
	@scripts/deps.sh bench
	@mkdir -p .build/spandsp
	@$(CC) -O2 -g -Wall -o .build/spandsp/bench_spandsp $(DSP_CORPUS)/harness/bench_spandsp.c -lspandsp -ltiff -lm
	@taskset -c $(BENCH_CPU) .build/spandsp/bench_spandsp speed $(DSP_CORPUS)/corpus $(BENCH_RUNS) 160 \
	    | tee .build/spandsp/speed.txt
	@taskset -c $(BENCH_CPU) $(BIN_RELEASE) dsp bench --corpus $(DSP_CORPUS)/corpus --runs $(BENCH_RUNS) \
	    --spandsp .build/spandsp/speed.txt

## make vm-test: Offhook against the real DAHDI kernel modules in a QEMU VM (see scripts/vm/vm-test.sh)
vm-test:
	@scripts/vm/vm-test.sh

clean:
	rm -rf .build
