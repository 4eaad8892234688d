import TelephonyDSP

/// Times the DSP blocks the way the DSP kit's harness times SpanDSP (`bench_spandsp speed`):
/// the whole corpus concatenated into one buffer, fed to one fresh instance in 160-sample
/// (20 ms) frames, one warm-up pass then `runs` timed passes, the median counting.
struct DSPBench {
    /// One timed test.
    struct Row {
        var name: String
        var medianSeconds: Double
        var samples: Int
        var nsPerSample: Double { medianSeconds * 1e9 / Double(max(1, samples)) }
        var megasamplesPerSecond: Double { Double(samples) / medianSeconds / 1e6 }
        var channels: Int { Int(Double(samples) / medianSeconds / 8000) }
    }

    let muLaw: [UInt8]
    let linear: [Int16]
    let runs: Int

    init(muLaw: [UInt8], runs: Int) {
        self.muLaw = muLaw
        linear = G711.decode(muLaw, law: .muLaw)
        self.runs = runs
    }

    /// Runs `pass` once to warm up and `runs` more times; returns the median wall time.
    func time(_ name: String, _ pass: () -> Int) -> Row {
        var times: [Double] = []
        var events = 0
        for i in 0...runs {
            let start = ContinuousClock.now
            events &+= pass()
            let elapsed = ContinuousClock.now - start
            if i > 0 {
                times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            }
        }
        if events == Int.min { print("") }        // keeps every pass's work observable
        times.sort()
        return Row(name: name, medianSeconds: times[times.count / 2], samples: linear.count)
    }

    /// Feeds the linear corpus in frames to `body`; returns the events it counted.
    func frames(_ body: (UnsafeBufferPointer<Int16>) -> Bool) -> Int {
        linear.withUnsafeBufferPointer { all in
            var events = 0
            var i = 0
            while i < all.count {
                let n = min(160, all.count - i)
                if body(UnsafeBufferPointer(rebasing: all[i..<i + n])) { events += 1 }
                i += n
            }
            return events
        }
    }

    func all() -> [Row] {
        let zones = ToneDetectors.defaultZones()
        var rows: [Row] = []
        rows.append(time("dtmf") {
            var r = DTMFReceiver()
            return frames { r.process($0) != nil }
        })
        rows.append(time("fax") {
            var f = FaxToneDetector()
            return frames { f.process($0) != nil }
        })
        rows.append(time("cp-cn") {
            var c = CallProgressDetector(zone: zones[0])
            return frames { c.process($0) != nil }
        })
        rows.append(time("cp-us") {
            var c = CallProgressDetector(zone: zones[1])
            return frames { c.process($0) != nil }
        })
        rows.append(time("ivr-channel") { ivrChannel(zone: zones[0]) })
        rows.append(time("g711-ulaw-decode") { decode(.muLaw) })
        rows.append(time("g711-ulaw-encode") { encode(.muLaw) })
        rows.append(time("g711-alaw-decode") { decode(.aLaw) })
        rows.append(time("g711-alaw-encode") { encode(.aLaw) })
        return rows
    }

    /// One IVR channel: each 20 ms µ-law frame decoded, then DTMF, fax tones and call progress.
    func ivrChannel(zone: ToneZone) -> Int {
        var dtmf = DTMFReceiver()
        var fax = FaxToneDetector()
        var cp = CallProgressDetector(zone: zone)
        var frame = [Int16](repeating: 0, count: 160)
        var events = 0
        muLaw.withUnsafeBufferPointer { all in
            frame.withUnsafeMutableBufferPointer { pcm in
                var i = 0
                while i < all.count {
                    let n = min(160, all.count - i)
                    G711.decode(UnsafeBufferPointer(rebasing: all[i..<i + n]), into: pcm, law: .muLaw)
                    let f = UnsafeBufferPointer(rebasing: pcm[0..<n])
                    if dtmf.process(f) != nil { events += 1 }
                    if fax.process(f) != nil { events += 1 }
                    if cp.process(f) != nil { events += 1 }
                    i += n
                }
            }
        }
        return events
    }

    func decode(_ law: G711.Law) -> Int {
        var out = [Int16](repeating: 0, count: 160)
        var check = 0
        muLaw.withUnsafeBufferPointer { all in
            out.withUnsafeMutableBufferPointer { pcm in
                var i = 0
                while i < all.count {
                    let n = min(160, all.count - i)
                    G711.decode(UnsafeBufferPointer(rebasing: all[i..<i + n]), into: pcm, law: law)
                    check &+= Int(pcm[0])
                    i += n
                }
            }
        }
        return check
    }

    func encode(_ law: G711.Law) -> Int {
        var out = [UInt8](repeating: 0, count: 160)
        var check = 0
        linear.withUnsafeBufferPointer { all in
            out.withUnsafeMutableBufferPointer { codes in
                var i = 0
                while i < all.count {
                    let n = min(160, all.count - i)
                    G711.encode(UnsafeBufferPointer(rebasing: all[i..<i + n]), into: codes, law: law)
                    check &+= Int(codes[0])
                    i += n
                }
            }
        }
        return check
    }
}
