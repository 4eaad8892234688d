import TelephonyDSP

/// Times the tone detectors the way the DSP kit's harness times SpanDSP: one fresh detector
/// over the whole corpus in 160-sample (20 ms) frames, one warm-up pass, then `runs` timed
/// passes; the median counts. For `make bench` (`bench fax …` and the IVR channel's tone part).
enum ToneBench {
    /// One timed detector.
    struct Row {
        var name: String
        var medianSeconds: Double
        var nsPerSample: Double
    }

    /// `fax` (CNG, CED/ANS family, V.21 preamble), `cp-cn` and `cp-us` (call progress for one
    /// zone), and `fax+cp-cn` (what one IVR channel in China runs besides G.711 and DTMF).
    static func run(samples: UnsafeBufferPointer<Int16>, runs: Int = 9) -> [Row] {
        let zones = ToneDetectors.defaultZones()
        return [
            time("fax", samples, runs) { frame, d in d.fax.process(frame) != nil },
            time("cp-cn", samples, runs) { frame, d in d.cn.process(frame) != nil },
            time("cp-us", samples, runs) { frame, d in d.us.process(frame) != nil },
            time("fax+cp-cn", samples, runs) { frame, d in
                let a = d.fax.process(frame) != nil
                return d.cn.process(frame) != nil || a
            },
        ].map { row in row(zones) }
    }

    /// The detectors one pass uses.
    struct Set {
        var fax = FaxToneDetector()
        var cn: CallProgressDetector
        var us: CallProgressDetector
    }

    private static func time(_ name: String, _ samples: UnsafeBufferPointer<Int16>, _ runs: Int,
                             _ step: @escaping (UnsafeBufferPointer<Int16>, inout Set) -> Bool) -> ([ToneZone]) -> Row {
        { zones in
            var times: [Double] = []
            for pass in 0...max(1, runs) {
                var set = Set(cn: CallProgressDetector(zone: zones[0]), us: CallProgressDetector(zone: zones[1]))
                var events = 0
                let start = ContinuousClock.now
                var i = 0
                while i < samples.count {
                    let n = min(160, samples.count - i)
                    if step(UnsafeBufferPointer(rebasing: samples[i..<i + n]), &set) { events += 1 }
                    i += n
                }
                let elapsed = ContinuousClock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                if pass > 0 { times.append(seconds) }
                if events < 0 { print(events) }     // keeps the work observable
            }
            times.sort()
            let median = times[times.count / 2]
            return Row(name: name, medianSeconds: median, nsPerSample: median * 1e9 / Double(max(1, samples.count)))
        }
    }
}
