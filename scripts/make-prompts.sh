#!/usr/bin/env bash
# Records the prompts listed in IVRScripts/prompts/MANIFEST (LANG NAME TEXT) into
# IVRScripts/prompts/LANG/NAME.wav, 8 kHz mono 16-bit. English comes from Debian's
# asterisk-core-sounds-en-wav where a recording of that name exists, espeak-ng otherwise;
# Chinese is synthesised with espeak-ng's Mandarin voice. Existing files are kept (idempotent).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
manifest="${1:-$root/IVRScripts/prompts/MANIFEST}"
prompts="$(dirname "$manifest")"
sounds=/usr/share/asterisk/sounds/en_US_f_Allison
made=0 kept=0
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  lang="${line%% *}"; rest="${line#* }"; name="${rest%% *}"; text="${rest#* }"
  out="$prompts/$lang/$name.wav"
  if [ -s "$out" ]; then kept=$((kept + 1)); continue; fi
  mkdir -p "$(dirname "$out")"
  if [ "$lang" = en ] && [ -f "$sounds/$name.wav" ]; then
    sox -q "$sounds/$name.wav" -r 8000 -c 1 -b 16 "$out"
  else
    case "$lang" in
      zh) voice=cmn-latn-pinyin ;;
      *) voice=en-us ;;
    esac
    espeak-ng -v "$voice" -s 150 -w "$tmp/p.wav" -- "$text"
    sox -q "$tmp/p.wav" -r 8000 -c 1 -b 16 "$out" norm -6
  fi
  made=$((made + 1))
done < "$manifest"
echo "prompts: $made recorded, $kept already there ($prompts)"
