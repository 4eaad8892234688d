/// Why a tone-zone string could not be parsed, and where.
public struct ToneSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Hashable {
        /// The string (or a segment) is empty.
        case empty
        /// A frequency is not a whole number of Hz, or is outside 0…20000 Hz.
        /// (Frequencies above 4000 Hz parse, because libtonezone's own `th` table has one, and
        /// alias at 8 kHz exactly as they do when DAHDI plays them.)
        case badFrequency(String)
        /// A duration is not a whole positive number of milliseconds.
        case badDuration(String)
        /// More than three summed frequencies, or a `*` with other than two frequencies.
        case tooManyFrequencies
        /// `+` and `*` mixed in one segment.
        case mixedOperators
        /// A character that has no meaning in the format.
        case unexpectedCharacter(Character)
    }

    /// What was wrong.
    public var reason: Reason
    /// The zero-based index of the offending segment.
    public var segmentIndex: Int
    /// The offending segment's text.
    public var segment: String

    public var description: String {
        let what: String
        switch reason {
        case .empty: what = "empty segment"
        case .badFrequency(let s): what = "'\(s)' is not a frequency in Hz (0…20000)"
        case .badDuration(let s): what = "'\(s)' is not a duration in ms (0…60000)"
        case .tooManyFrequencies: what = "too many frequencies (at most f1+f2+f3, or f1*f2)"
        case .mixedOperators: what = "'+' and '*' cannot be mixed in one segment"
        case .unexpectedCharacter(let c): what = "unexpected character '\(c)'"
        }
        return "tone segment \(segmentIndex + 1) '\(segment)': \(what)"
    }
}

extension ToneSpec {
    /// Parses a libtonezone tone string such as `480+620/500,0/500` or `!950/330,!1400/330,0`.
    ///
    /// Grammar, per comma-separated segment: `[!]f1[+f2[+f3]][@][/ms]` or `[!]f1*f2[@][/ms]`.
    /// `0` is silence, `@` lowers the segment by 20 dB, no `/ms` means continuous, `!` plays
    /// the segment once. Two liberties match libtonezone's own tables: a `!` inside a segment
    /// starts a new segment (`!400/100!0/100`), and an empty last segment (trailing comma) is
    /// ignored.
    ///
    /// - Throws: ``ToneSpecError`` naming the segment and what was wrong with it.
    /// - Complexity: O(`string.count`); allocates the segment array (parse once, at the edge).
    public init(parsing string: String) throws(ToneSpecError) {
        var pieces: [Substring] = []
        for part in string.split(separator: ",", omittingEmptySubsequences: false) {
            // Split "!a/1!b/2" (a missing comma) at every '!' after the first character.
            var start = part.startIndex
            var i = start < part.endIndex ? part.index(after: start) : part.endIndex
            while i < part.endIndex {
                if part[i] == "!" {
                    pieces.append(part[start..<i])
                    start = i
                }
                i = part.index(after: i)
            }
            pieces.append(part[start...])
        }
        if pieces.count > 1, pieces.last.map({ $0.allSatisfy(\.isWhitespace) }) == true {
            pieces.removeLast()
        }
        var segments: [Segment] = []
        for (index, piece) in pieces.enumerated() {
            segments.append(try Self.parseSegment(piece, index: index))
        }
        self.init(segments: segments)
    }

    private static func parseSegment(_ raw: Substring, index: Int) throws(ToneSpecError) -> Segment {
        func fail(_ reason: ToneSpecError.Reason) -> ToneSpecError {
            ToneSpecError(reason: reason, segmentIndex: index, segment: String(raw))
        }
        var text = raw.drop(while: \.isWhitespace)
        while text.last?.isWhitespace == true { text = text.dropLast() }
        if text.isEmpty { throw fail(.empty) }
        var oneShot = false
        if text.first == "!" {
            oneShot = true
            text = text.dropFirst()
        }
        var duration: Int? = nil
        if let slash = text.firstIndex(of: "/") {
            let ms = text[text.index(after: slash)...]
            guard let value = Int(ms), value >= 0, value <= 60_000 else { throw fail(.badDuration(String(ms))) }
            duration = value
            text = text[..<slash]
        }
        var level = 0.0
        if text.last == "@" {
            level = -20
            text = text.dropLast()
        }
        if text.isEmpty { throw fail(.empty) }
        if let bad = text.first(where: { !($0.isASCII && ($0.isNumber || $0 == "+" || $0 == "*")) }) {
            throw fail(.unexpectedCharacter(bad))
        }
        let hasPlus = text.contains("+"), hasStar = text.contains("*")
        if hasPlus && hasStar { throw fail(.mixedOperators) }
        let parts = text.split(separator: hasStar ? "*" : "+", omittingEmptySubsequences: false)
        if parts.count > 3 || (hasStar && parts.count != 2) { throw fail(.tooManyFrequencies) }
        var values: [Double] = []
        for p in parts {
            guard let f = Int(p), f >= 0, f <= 20_000 else { throw fail(.badFrequency(String(p))) }
            values.append(Double(f))
        }
        var freqs = values.filter { $0 > 0 }
        var mix = Segment.Mix.sum
        if hasStar {
            // A zero carrier is silence; a zero modulator leaves the plain carrier.
            if values[0] == 0 {
                freqs = []
            } else if values[1] > 0 {
                mix = .modulated
            }
        }
        return Segment(frequencies: freqs, mix: mix, relativeLevel: level,
                       durationMS: duration, isOneShot: oneShot)
    }
}

extension ToneSpec: CustomStringConvertible {
    /// The spec in libtonezone's string format; parsing it gives back an equal spec.
    public var description: String {
        segments.map { s in
            var out = s.isOneShot ? "!" : ""
            if s.frequencies.isEmpty {
                out += "0"
            } else {
                out += s.frequencies.map { String(Int($0)) }.joined(separator: s.mix == .modulated ? "*" : "+")
            }
            if s.relativeLevel != 0 { out += "@" }
            if let ms = s.durationMS { out += "/\(ms)" }
            return out
        }.joined(separator: ",")
    }
}
