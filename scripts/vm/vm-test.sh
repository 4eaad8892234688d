#!/usr/bin/env bash
# make vm-test: Offhook against the real DAHDI kernel modules, in a QEMU virtual machine.
#
# Builds DAHDI's modules from Debian's dahdi-source for a Debian 12 kernel that is downloaded
# and unpacked into the build folder (never installed on the host), packs them with busybox,
# DAHDI's tools and a release `offhook` into an initramfs, boots it with qemu-system-x86_64,
# and runs Offhook's checks over two dynamic E1 spans wired back to back (scripts/vm/guest/).
# Prints one PASS/FAIL line per check; exits non-zero if any check fails or the VM never
# reports a result.
#
# Environment:
#   VM_DIR      build folder (default .build/vm)
#   VM_ACCEL    tcg (default) | kvm | auto (kvm only when the CPU has vmx/svm and /dev/kvm is
#               a real KVM; nested "kvm_pvm" cannot boot a stock Debian kernel)
#   VM_TIMEOUT  seconds the guest may run (default 600)
#   VM_STAGES   stages to run (default: deps kernel modules offhook image boot)
#   VM_KERNEL   kernel flavour, e.g. 6.1.0-56-amd64 (default: what linux-image-amd64 depends on)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
VM_DIR=${VM_DIR:-$ROOT/.build/vm}
GUEST=$ROOT/scripts/vm/guest
OUT=$VM_DIR/out
VM_ACCEL=${VM_ACCEL:-tcg}
VM_TIMEOUT=${VM_TIMEOUT:-600}
mkdir -p "$VM_DIR" "$OUT"
T_START=$(date +%s)
: > "$OUT/timings.txt"

stage() {  # stage NAME FUNCTION: runs and times one stage
  local t0=$SECONDS
  echo "vm-test: $1 ..."
  "$2"
  echo "vm-test: $1 done in $((SECONDS - t0)) s" | tee -a "$OUT/timings.txt"
}

deps() { scripts/deps.sh vm build; }

# The kernel: .debs downloaded with apt-get download and unpacked with dpkg-deb into $K.
kernel() {
  KV=${VM_KERNEL:-$(apt-cache depends linux-image-amd64 2>/dev/null |
        awk '/Depends: linux-image-/ { sub("linux-image-", "", $2); print $2; exit }')}
  [ -n "$KV" ] || { echo "vm-test: cannot find the kernel linux-image-amd64 depends on" >&2; exit 1; }
  K=$VM_DIR/kernel-$KV
  [ -f "$K/.done" ] && return 0
  local abi=${KV%-amd64} debs=$VM_DIR/debs-$KV
  rm -rf "$K" "$debs"; mkdir -p "$K" "$debs"
  (cd "$debs" && apt-get download -q "linux-image-$KV" "linux-headers-$KV" \
      "linux-headers-$abi-common" "linux-kbuild-${abi%%.0-*}" 2>&1 | grep -v -i 'unsandboxed' || true)
  for deb in "$debs"/*.deb; do
    case "$deb" in
      */linux-image-*) dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$K" ./boot ;;  # skip in-tree modules
      *) dpkg-deb -x "$deb" "$K" ;;
    esac
  done
  # The flavour's Makefile includes the -common tree by absolute path; point it into $K.
  sed -i "s#^include /usr/src/#include $K/usr/src/#" "$K/usr/src/linux-headers-$KV/Makefile"
  rm -rf "$debs"
  touch "$K/.done"
}

# DAHDI's kernel modules, built from Debian's dahdi-source for that kernel.
modules() {
  D=$VM_DIR/dahdi-$KV
  [ -f "$D/.done" ] && return 0
  rm -rf "$D"; mkdir -p "$D"
  tar -xjf /usr/src/dahdi.tar.bz2 -C "$D"
  make -C "$D/modules/dahdi" -j"$(nproc)" modules KVERS="$KV" \
       KSRC="$K/usr/src/linux-headers-$KV" > "$OUT/modules-build.log" 2>&1 \
    || { tail -40 "$OUT/modules-build.log"; exit 1; }
  touch "$D/.done"
}

# Offhook itself: a release build with the Swift runtime linked in statically.
build_offhook() {
  swift build -q -c release --static-swift-stdlib --product offhook
  OFFHOOK=$(swift build -c release --show-bin-path)/offhook
}

copy_with_libs() {  # copy_with_libs ROOTFS DEST BINARY...: binaries plus the shared libraries ldd names
  local r=$1 dest=$2; shift 2
  for bin in "$@"; do
    cp "$bin" "$r$dest/"
    for lib in $(ldd "$bin" 2>/dev/null | grep -o '/[^ ]*\.so[^ ]*' | sort -u); do
      mkdir -p "$r$(dirname "$lib")"; cp -L -n "$lib" "$r$lib"
    done
  done
}

image() {
  local R=$VM_DIR/rootfs KO=$D/modules/dahdi/drivers/dahdi
  rm -rf "$R"; mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,etc,proc,sys,dev,tmp,run,root}
  cp /bin/busybox "$R/bin/busybox"
  for applet in $("$R/bin/busybox" --list); do [ -e "$R/bin/$applet" ] || ln -s busybox "$R/bin/$applet"; done
  mkdir -p "$R/lib/modules/$KV/extra"
  for m in dahdi dahdi_dynamic dahdi_dynamic_loc dahdi_echocan_mg2; do
    strip --strip-debug -o "$R/lib/modules/$KV/extra/$m.ko" "$KO/$m.ko"
  done
  copy_with_libs "$R" /usr/sbin /usr/sbin/dahdi_cfg /usr/sbin/dahdi_scan /usr/sbin/dahdi_test
  copy_with_libs "$R" /usr/bin "$OFFHOOK"
  strip "$R/usr/bin/offhook"
  cp -r "$GUEST/etc/." "$R/etc/"
  install -m 755 "$GUEST/init" "$R/init"
  echo "root:x:0:0:root:/root:/bin/sh" > "$R/etc/passwd"
  (cd "$R" && find . -print0 | cpio --null -o -H newc --quiet) | gzip -1 > "$VM_DIR/initramfs.cpio.gz"
  echo "vm-test: initramfs $(du -h "$VM_DIR/initramfs.cpio.gz" | cut -f1)"
}

real_kvm() {  # a KVM that can run a stock kernel: hardware virtualisation, not nested PVM
  [ -w /dev/kvm ] && grep -q -E '\b(vmx|svm)\b' /proc/cpuinfo && [ ! -d /sys/module/kvm_pvm ]
}

boot() {
  local accel=$VM_ACCEL
  if [ "$accel" = auto ]; then real_kvm && accel=kvm || accel=tcg; fi
  local cpu=max; [ "$accel" = kvm ] && cpu=host
  echo "vm-test: booting $KV with $accel (timeout ${VM_TIMEOUT} s)"
  local rc=0 attempt
  # no_timer_check: on a loaded host, TCG can miss the kernel's IO-APIC timer check and panic.
  # A guest that dies before reaching /init (a host hiccup, not a test result) is booted once more.
  for attempt in 1 2; do
    rc=0
    timeout "$VM_TIMEOUT" qemu-system-x86_64 -accel "$accel" -cpu "$cpu" -m 512 -smp 2 \
        -nographic -no-reboot -kernel "$K/boot/vmlinuz-$KV" -initrd "$VM_DIR/initramfs.cpio.gz" \
        -append "console=ttyS0 loglevel=3 panic=-1 no_timer_check" > "$OUT/serial.log" 2>&1 || rc=$?
    tr -d '\r' < "$OUT/serial.log" > "$OUT/serial.txt"
    grep -q '=== OFFHOOK-VM-BOOTED' "$OUT/serial.txt" && break
    echo "vm-test: the guest did not reach /init (attempt $attempt, qemu exit $rc); last lines:"
    tail -5 "$OUT/serial.txt"
  done
  grep -E '^(PASS|FAIL|SKIP): ' "$OUT/serial.txt" || true
  RESULT=$(sed -n 's/^=== OFFHOOK-VM-RESULT fails=\([0-9]*\).*/\1/p' "$OUT/serial.txt" | tail -1)
  if [ -z "$RESULT" ]; then
    echo "vm-test: the VM gave no result (qemu exit $rc); last lines of $OUT/serial.txt:"
    tail -30 "$OUT/serial.txt"
    RESULT=unknown
  fi
}

VM_STAGES=${VM_STAGES:-deps kernel modules offhook image boot}
want() { [[ " $VM_STAGES " == *" $1 "* ]]; }
# (`if`, not `want X && stage …`: set -e does not stop a failing stage inside an && list.)
if want deps; then stage deps deps; fi
stage kernel kernel                       # cached; also sets KV and K
if want modules; then stage modules modules; else D=$VM_DIR/dahdi-$KV; fi
if want offhook; then stage offhook build_offhook; else OFFHOOK=$(swift build -c release --show-bin-path)/offhook; fi
if want image; then stage image image; fi
RESULT=skipped
if want boot; then stage boot boot; fi
total=$(( $(date +%s) - T_START ))
echo "vm-test: total $total s (log: $OUT/serial.txt)" | tee -a "$OUT/timings.txt"
if [ "$RESULT" = 0 ]; then echo "vm-test: all checks passed"; exit 0; fi
if [ "$RESULT" = skipped ]; then echo "vm-test: boot skipped (VM_STAGES)"; exit 0; fi
# What the guest printed around the failures (the harness's measured figures), passes left out.
echo "vm-test: the guest's output, passing checks left out:"
sed -n '/=== OFFHOOK-VM-BOOTED/,$p' "$OUT/serial.txt" | grep -v -E '^(PASS:|PASS  |    kmsg: )' | cut -c1-600 || true
echo "vm-test: FAILED (failures: $RESULT)"; exit 1
