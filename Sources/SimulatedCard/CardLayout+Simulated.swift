import TelephonyCore

extension CardLayout {
    /// A card layout for the simulated card: one analog span with `fxsPorts` FXS ports (agent
    /// phones, `fxoks`) followed by `fxoPorts` FXO ports (exchange lines, `fxsks`), then `e1Spans`
    /// E1 PRI spans (B-channels on timeslots 1–15 and 17–31, the D-channel on 16). Timeslots in
    /// `casTimeslots` carry raw CAS bits instead of bearer audio.
    public static func simulated(fxsPorts: Int, fxoPorts: Int, e1Spans: Int = 0,
                                 casTimeslots: Set<Int> = [], zone: String = "us") -> CardLayout {
        var spans: [SpanLayout] = []
        var next = 1
        if fxsPorts + fxoPorts > 0 {
            let channels = (0..<(fxsPorts + fxoPorts)).map { i in
                ChannelLayout(number: next + i, signalling: i < fxsPorts ? .fxoKewlStart : .fxsKewlStart)
            }
            spans.append(SpanLayout(number: 1, kind: .analog, firstChannel: next, channelCount: channels.count,
                                    channels: channels, namePrefix: "SIM"))
            next += channels.count
        }
        for _ in 0..<e1Spans {
            let channels = (1...31).map { slot in
                ChannelLayout(number: next + slot - 1,
                              signalling: slot == 16 ? .dChannel : casTimeslots.contains(slot) ? .cas : .clear)
            }
            spans.append(SpanLayout(number: spans.count + 1, kind: .e1, firstChannel: next, channelCount: 31,
                                    channels: channels, timing: 0, framing: "ccs", lineCoding: "hdb3",
                                    namePrefix: "SIM"))
            next += 31
        }
        return CardLayout(spans: spans, defaultZone: zone, loadZones: [zone])
    }
}
