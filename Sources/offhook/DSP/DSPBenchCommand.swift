import ArgumentParser
import Foundation
import TelephonyDSP

/// `offhook dsp bench --corpus DIR [--spandsp FILE]`: times the DSP the way the kit times
/// SpanDSP and prints both side by side; `make bench` runs it after the kit's harness.
struct DSPBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the DTMF, fax, call-progress and G.711 code over the DSP corpus (kit-style).",
        discussion: """
            The whole corpus is concatenated and fed to one fresh instance in 160-sample frames: \
            one warm-up pass, then --runs timed passes; the median counts. With --spandsp (the \
            output of the kit's `bench_spandsp speed`), ends with one line per figure: \
            `bench NAME offhook_ns=X spandsp_ns=Y speedup=Y/X` (ns per sample). Build with -c release.
            """
    )

    @Option(help: "The corpus directory (holding files.tsv and the .ul files).")
    var corpus: String

    @Option(help: "Timed passes after the warm-up.")
    var runs = 9

    @Option(help: "SpanDSP's timings: the output of `bench_spandsp speed CORPUS 9 160`.")
    var spandsp: String?

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        let audio = try CorpusAudio(directory: corpus)
        let bench = DSPBench(muLaw: try audio.concatenatedMuLaw(), runs: runs)
        print("# corpus: \(audio.files.count) files, \(bench.linear.count) samples; frame 160; \(runs) timed runs after 1 warm-up; median")
        print("# test                           median_s   Msamples/s  ns/sample   channels")
        let rows = bench.all()
        var ours: [String: Double] = [:]
        for row in rows {
            ours[row.name] = row.nsPerSample
            let name = "offhook_" + row.name
            print(name + String(repeating: " ", count: max(1, 32 - name.count))
                + String(format: "%9.4f %12.1f %10.2f %10d", row.medianSeconds, row.megasamplesPerSecond, row.nsPerSample, row.channels))
        }
        guard let spandsp else { return }
        let theirs = try Self.readSpanDSP(spandsp)
        print("")
        // Our figure, SpanDSP's figure (sum of the tests that do the same job).
        let pairs: [(String, String, [String])] = [
            ("dtmf", "dtmf", ["spandsp_dtmf_rx"]),
            ("ivr-channel", "ivr-channel", ["spandsp_ivr_ulaw+dtmf+cng+ced"]),
            ("fax", "fax", ["spandsp_cng_rx", "spandsp_ced_or_v21_preamble_rx"]),
            ("cp-cn", "cp-cn", ["spandsp_super_tone_rx_cn"]),
            ("cp-us", "cp-us", ["spandsp_super_tone_rx_us"]),
            ("g711", "g711-ulaw-decode", ["spandsp_ulaw_to_linear"]),
            ("g711-ulaw-encode", "g711-ulaw-encode", ["spandsp_linear_to_ulaw"]),
            ("g711-alaw-decode", "g711-alaw-decode", ["spandsp_alaw_to_linear"]),
            ("g711-alaw-encode", "g711-alaw-encode", ["spandsp_linear_to_alaw"]),
        ]
        for (label, mine, names) in pairs {
            guard let x = ours[mine] else { continue }
            let values = names.compactMap { theirs[$0] }
            guard values.count == names.count else { continue }
            let y = values.reduce(0, +)
            print(String(format: "bench %@ offhook_ns=%.2f spandsp_ns=%.2f speedup=%.2f", label as NSString, x, y, y / x))
        }
    }

    /// `test … ns/sample …` rows of `bench_spandsp speed`, by test name.
    static func readSpanDSP(_ path: String) throws -> [String: Double] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("\(path): cannot read SpanDSP's timings")
        }
        var out: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            // name min median max Msamples/s ns/sample channels
            if f.count >= 6, let ns = Double(f[5]) { out[String(f[0])] = ns }
        }
        guard !out.isEmpty else { throw ValidationError("\(path): no timing rows found") }
        return out
    }
}
