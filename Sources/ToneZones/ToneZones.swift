import CToneZone
import TelephonyDSP

/// libtonezone's built-in tone zones as ``TelephonyDSP/ToneZone`` values.
///
/// libtonezone (dahdi-tools) carries the tone plans of 46 countries as strings. This module
/// reads them with `tone_zone_find` / `tone_zone_find_by_num`, which search only the built-in
/// table (no `/dev/dahdi` needed), and parses every string once into ``ToneSpec`` values, so
/// the DSP never touches C.
///
/// ```swift
/// let cn = try ToneZones.zone("cn")             // China: busy 450/350,0/350
/// for zone in try ToneZones.all() { … }
/// ```
public enum ToneZones {
    /// Why a zone could not be read.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// libtonezone has no zone with this code.
        case unknownZone(String)
        /// A tone string in libtonezone's table did not parse.
        case badToneString(zone: String, tone: String, text: String, error: ToneSpecError)

        public var description: String {
            switch self {
            case .unknownZone(let code):
                return "libtonezone has no tone zone '\(code)'"
            case .badToneString(let zone, let tone, let text, let error):
                return "tone zone '\(zone)' \(tone) tone \"\(text)\": \(error)"
            }
        }
    }

    /// The zone with `code` (e.g. `us`, `cn`, `uk`, `de`).
    ///
    /// - Throws: ``Failure/unknownZone(_:)`` or ``Failure/badToneString(zone:tone:text:error:)``.
    public static func zone(_ code: String) throws(Failure) -> ToneZone {
        var name = Array(code.utf8CString)
        guard let pointer = tone_zone_find(&name) else { throw .unknownZone(code) }
        return try convert(pointer.pointee)
    }

    /// The zone with libtonezone number `number` (0 is `us`), or `nil` if there is none.
    public static func zone(number: Int) throws(Failure) -> ToneZone? {
        guard let pointer = tone_zone_find_by_num(Int32(number)) else { return nil }
        return try convert(pointer.pointee)
    }

    /// Every built-in zone, in libtonezone's numbering order.
    ///
    /// libtonezone numbers its zones densely from 0; the scan stops at the first gap after
    /// the highest zone seen (the C array itself cannot be read from Swift).
    public static func all() throws(Failure) -> [ToneZone] {
        var zones: [ToneZone] = []
        var number = 0
        var misses = 0
        while misses < 16 {
            if let zone = try zone(number: number) {
                zones.append(zone)
                misses = 0
            } else {
                misses += 1
            }
            number += 1
        }
        return zones
    }

    private static func convert(_ raw: tone_zone) throws(Failure) -> ToneZone {
        let code = string(raw.country)
        let tones: [tone_zone_sound] = withUnsafeBytes(of: raw.tones) {
            Array($0.bindMemory(to: tone_zone_sound.self))
        }
        // tones[] is a compact list of {toneid, data}, not indexed by id; empty data is unused.
        func spec(_ id: Int32, _ label: String) throws(Failure) -> ToneSpec? {
            guard let entry = tones.first(where: { $0.toneid == id && string($0.data) != "" }) else { return nil }
            let text = string(entry.data)
            do {
                return try ToneSpec(parsing: text)
            } catch {
                throw .badToneString(zone: code, tone: label, text: text, error: error)
            }
        }
        let cadence: [Int32] = withUnsafeBytes(of: raw.ringcadence) { Array($0.bindMemory(to: Int32.self)) }
        return ToneZone(
            code: code,
            name: string(raw.description),
            dial: try spec(Int32(DAHDI_TONE_DIALTONE), "dial"),
            busy: try spec(Int32(DAHDI_TONE_BUSY), "busy"),
            ringback: try spec(Int32(DAHDI_TONE_RINGTONE), "ringback"),
            congestion: try spec(Int32(DAHDI_TONE_CONGESTION), "congestion"),
            callWaiting: try spec(Int32(DAHDI_TONE_CALLWAIT), "call waiting"),
            info: try spec(Int32(DAHDI_TONE_INFO), "info"),
            stutter: try spec(Int32(DAHDI_TONE_STUTTER), "stutter"),
            dialRecall: try spec(Int32(DAHDI_TONE_DIALRECALL), "dial recall"),
            record: try spec(Int32(DAHDI_TONE_RECORDTONE), "record"),
            ringCadenceMS: cadence.prefix { $0 != 0 }.map { Int($0) },
            dtmfHighLevel: Double(raw.dtmf_high_level),
            dtmfLowLevel: Double(raw.dtmf_low_level)
        )
    }

    /// A fixed-size C `char[]` imported as a tuple, up to its NUL.
    private static func string<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
