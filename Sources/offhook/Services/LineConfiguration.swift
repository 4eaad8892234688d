import HardwareConfig
import Media
import Signalling
import TelephonyDSP
import ToneZones

/// Turns an FXO line's `[lines NAME]` options (or the defaults) into the port configuration and
/// the analyzers the call engine runs on it.
enum LineConfiguration {
    /// The port's state-machine settings: the zone's ring cadence and the line's disconnect
    /// supervision, caller-ID timing, answer supervision and dial-tone handling.
    static func portConfiguration(_ options: OffhookConfig.LineOptions, zone: ToneZone) -> FXOPort.Configuration {
        var tones: Set<DetectedTone> = []
        if options.disconnect.contains(.busyTone) { tones.insert(.busy) }
        if options.disconnect.contains(.congestionTone) { tones.insert(.congestion) }
        let callerID: FXOPort.CallerIDTiming = switch (options.callerID, options.callerIDTiming) {
        case (.none, _): .none
        case (_, .afterFirstRing): .afterFirstRing
        case (_, .beforeFirstRing): .beforeFirstRing
        }
        return FXOPort.Configuration(
            ringCadence: RingCadence(zone: zone) ?? .china, callerID: callerID,
            waitForDialTone: options.waitForDialTone, dialToneTimeout: options.dialToneTimeout,
            answerOnPolarityReversal: options.answerOnPolarityReversal,
            disconnect: .init(loopCurrentDrop: options.disconnect.contains(.loopCurrentDrop),
                              polarityReversal: options.disconnect.contains(.polarityReversal), tones: tones))
    }

    /// The caller-ID receiver for the line, or `nil` when it has no caller ID: `auto` listens for
    /// the zone's FSK modem and DTMF caller ID; the others for what they name only.
    static func callerIDAnalyzer(_ options: OffhookConfig.LineOptions, zoneCode: String) -> CallerIDAnalyzer? {
        switch options.callerID {
        case .auto: CallerIDAnalyzer(fsk: CallerIDAnalyzer.standard(forZone: zoneCode), dtmf: true)
        case .fskV23: CallerIDAnalyzer(fsk: .v23, dtmf: false)
        case .fskBell202: CallerIDAnalyzer(fsk: .bell202, dtmf: false)
        case .dtmf: CallerIDAnalyzer(fsk: nil, dtmf: true)
        case .none: nil
        }
    }

    /// Every analyzer of the line: caller ID (if any), DTMF, fax tones and call progress.
    static func analyzers(_ options: OffhookConfig.LineOptions, zone: ToneZone, zoneCode: String) -> [any FrameAnalyzer] {
        let callerID: [any FrameAnalyzer] = callerIDAnalyzer(options, zoneCode: zoneCode).map { [$0] } ?? []
        return callerID + [DTMFAnalyzer(), FaxToneAnalyzer(), CallProgressAnalyzer(zone: zone)]
    }

    /// What the startup log says of a non-default line section.
    static func summary(_ options: OffhookConfig.LineOptions) -> String {
        let disconnect = OffhookConfig.LineOptions.Disconnect.allCases.filter(options.disconnect.contains).map(\.rawValue)
        return "lines '\(options.name)' (\(options.channels.map(String.init).joined(separator: ","))): disconnect by \(disconnect.isEmpty ? "nothing" : disconnect.joined(separator: ", ")); caller ID \(options.callerID.rawValue) \(options.callerIDTiming.rawValue)\(options.answerOnPolarityReversal ? "; answer on polarity reversal" : "")\(options.waitForDialTone ? "" : "; dials without waiting for dial tone")"
    }
}
