#!/usr/bin/env python3
"""Checks a score.py --json result against issue 3's targets (and SpanDSP's score where a
target is relative to it). Prints one line per target; exits 1 if any fails.
usage: dsp-targets.py OURS.json SPANDSP.json [--kinds dtmf,fax,cp]"""
import json
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
if len(args) != 2:
    sys.exit(__doc__)
kinds = {"dtmf", "fax", "cp"}
for a in sys.argv[1:]:
    if a.startswith("--kinds="):
        kinds = set(a.split("=", 1)[1].split(","))
ours, ref = (json.load(open(p)) for p in args)
failed = 0


def check(name, ok, detail):
    global failed
    failed += 0 if ok else 1
    print(f"target {'PASS' if ok else 'FAIL'} {name}: {detail}")


def cross(run, key):
    return run["summary"].get("cross", {}).get(key, {"false": 0, "per_hour": 0.0})


if "dtmf" in kinds:
    s = ours["summary"]["dtmf"]
    check("dtmf must-detect 100%", s["must_hit"] == s["must_n"], f"{s['must_hit']}/{s['must_n']}")
    check("dtmf must-not accepted 0", s["mustnot_false_accept"] == 0, f"{s['mustnot_false_accept']}/{s['mustnot_n']}")
    splits = sum(ours["conditions"].get(f"dtmf:dtmf_interrupt_{c}", {}).get("fp_duplicate", 0) for c in ("05ms", "10ms"))
    check("dtmf drop-out (<= 10 ms) splits 0", splits == 0, str(splits))
    t, r = cross(ours, "dtmf@talkoff (all)"), cross(ref, "dtmf@talkoff (all)")
    check("dtmf talk-off <= SpanDSP", t["false"] <= r["false"], f"{t['false']} in 36 min (SpanDSP {r['false']})")
    check("dtmf latency median <= 40 ms", s["latency_ms_median"] <= 40, f"{s['latency_ms_median']:.1f} ms")
    other = sum(cross(ours, k)["false"] for k in ("dtmf@fax suite", "dtmf@cp suite"))
    check("dtmf false detections on fax/cp suites 0", other == 0, str(other))
if "fax" in kinds and "fax" in ours["summary"]:
    s = ours["summary"]["fax"]
    check("fax must-detect 100% (incl. SNR 15 dB)", s["must_hit"] == s["must_n"], f"{s['must_hit']}/{s['must_n']}")
    check("fax near-miss accepted 0", s["mustnot_false_accept"] == 0, f"{s['mustnot_false_accept']}/{s['mustnot_n']}")
    t = cross(ours, "fax@talkoff (all)")
    check("fax talk-off 0", t["false"] == 0, str(t["false"]))
if "cp" in kinds and "cp" in ours["summary"]:
    s = ours["summary"]["cp"]
    check("cp must-detect 100% (incl. SNR 15 dB)", s["must_hit"] == s["must_n"], f"{s['must_hit']}/{s['must_n']}")
    for region in ("CN", "US"):
        t, r = cross(ours, f"cp_{region}@talkoff (all)"), cross(ref, f"cp_{region}@talkoff (all)")
        check(f"cp {region} talk-off <= SpanDSP/10", t["per_hour"] <= r["per_hour"] / 10,
              f"{t['per_hour']:.1f}/h (SpanDSP {r['per_hour']:.1f}/h)")
print(f"targets: {'all met' if failed == 0 else f'{failed} not met'}")
sys.exit(1 if failed else 0)
