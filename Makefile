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
	@echo "Call the hotline as a caller (in another terminal; the keyboard is the keypad, q hangs up):"
	@echo "  $(BIN_RELEASE) simulate IVRScripts/hotline.ivr --language zh"
	@echo "  $(BIN_RELEASE) simulate IVRScripts/hotline.ivr --keys \"1 1 12345678#\"   (scripted keys, transcript at once)"
	@$(BIN_RELEASE) run --config $(CONFIG)

## make test: unit tests, the conformance suite on the simulated card, the loopback harness
test: deps-build prompts
	@scripts/deps.sh test
	@$(SWIFT) build -q --build-tests
	@$(SWIFT) test -q --skip-build --parallel

## make vm-test: Offhook against the real DAHDI kernel modules in a QEMU VM (see scripts/vm/vm-test.sh)
vm-test:
	@scripts/vm/vm-test.sh

clean:
	rm -rf .build
