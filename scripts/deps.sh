#!/usr/bin/env bash
# Installs the Debian packages a make target needs; idempotent and quiet when all are present.
# usage: scripts/deps.sh GROUP...   (groups: build test run bench vm prompts)
set -euo pipefail
pkgs=()
for group in "$@"; do
  case "$group" in
    build) pkgs+=(pkg-config libpri-dev libtonezone-dev dahdi-source libasound2-dev libsndfile1-dev libsoxr-dev libsqlite3-dev) ;;
    test)  pkgs+=(python3 python3-numpy) ;;
    run)   ;;
    bench) pkgs+=(libspandsp-dev libtiff-dev gcc libc6-dev util-linux python3 python3-numpy) ;;
    vm)    pkgs+=(qemu-system-x86 busybox-static cpio dahdi dahdi-source bzip2 make gcc libc6-dev libelf1 libssl3 xz-utils kmod) ;;
    prompts) pkgs+=(espeak-ng sox asterisk-core-sounds-en-wav) ;;
    *) echo "deps.sh: unknown group '$group'" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
