/// The shape of a card: its spans and the signalling of each channel.
///
/// `HardwareConfig` reads it from DAHDI's `system.conf` plus Offhook's own config; the simulated
/// card is built from it, and on a real card it is checked against what the kernel reports.
public struct CardLayout: Sendable, Hashable {
    public var spans: [SpanLayout]
    /// The tone zone for spans that name none (`defaultzone=`).
    public var defaultZone: String
    /// The tone zones to load (`loadzone=`).
    public var loadZones: [String]

    public init(spans: [SpanLayout], defaultZone: String = "us", loadZones: [String] = []) {
        self.spans = spans
        self.defaultZone = defaultZone
        self.loadZones = loadZones
    }

    /// Every channel of every span, in channel-number order.
    public var channels: [ChannelInfo] {
        spans.flatMap { span in
            span.channels.map { channel in
                ChannelInfo(number: channel.number, span: span.number,
                            position: channel.number - span.firstChannel + 1,
                            signalling: channel.signalling, name: "\(span.namePrefix)/\(channel.number)")
            }
        }.sorted { $0.number < $1.number }
    }

    /// The span holding a channel.
    public func span(containing channel: Int) -> SpanLayout? {
        spans.first { $0.channelRange.contains(channel) }
    }
}

/// One span of a ``CardLayout``.
public struct SpanLayout: Sendable, Hashable {
    public var number: Int
    public var kind: SpanInfo.Kind
    /// The first card-wide channel number of the span.
    public var firstChannel: Int
    /// How many channels (timeslots or ports) the span has: 31 on E1, 24 on T1.
    public var channelCount: Int
    /// The configured channels (a span may leave some unconfigured).
    public var channels: [ChannelLayout]
    /// `span=` line options on digital spans.
    public var timing: Int?
    public var lineBuildOut: Int?
    public var framing: String?
    public var lineCoding: String?
    /// The tone zone; `nil` means the card's default zone.
    public var toneZone: String?
    /// A prefix for channel names, e.g. `SIM` or `DAHDI`.
    public var namePrefix: String

    public init(number: Int, kind: SpanInfo.Kind, firstChannel: Int, channelCount: Int,
                channels: [ChannelLayout], timing: Int? = nil, lineBuildOut: Int? = nil,
                framing: String? = nil, lineCoding: String? = nil, toneZone: String? = nil,
                namePrefix: String = "DAHDI") {
        self.number = number
        self.kind = kind
        self.firstChannel = firstChannel
        self.channelCount = channelCount
        self.channels = channels
        self.timing = timing
        self.lineBuildOut = lineBuildOut
        self.framing = framing
        self.lineCoding = lineCoding
        self.toneZone = toneZone
        self.namePrefix = namePrefix
    }

    /// The card-wide channel numbers the span covers.
    public var channelRange: ClosedRange<Int> { firstChannel...(firstChannel + channelCount - 1) }

    /// The D-channel, if the span has one.
    public var dChannel: Int? {
        channels.first { $0.signalling.portKind == .dChannel }?.number
    }
}

/// One configured channel of a ``SpanLayout``.
public struct ChannelLayout: Sendable, Hashable {
    public var number: Int
    public var signalling: ChannelSignalling
    /// The law forced by `alaw=`/`mulaw=`; `nil` means the span's default.
    public var law: AudioFormat?

    public init(number: Int, signalling: ChannelSignalling, law: AudioFormat? = nil) {
        self.number = number
        self.signalling = signalling
        self.law = law
    }
}
