/// How one D-channel is set up: side, switch type, B-channels and timers.
///
/// chan_dahdi spells these `signalling=pri_net|pri_cpe`, `switchtype=`, the span's channel list,
/// and `pritimer=t303,4000`.
public struct PRIConfiguration: Sendable {
    /// Network (`pri_net`) or user (`pri_cpe`) side.
    public var side: PRISide
    /// The ISDN variant; EuroISDN E1 unless set.
    public var switchType: SwitchType
    /// The B-channels this D-channel controls and the hunt order for new calls.
    public var bChannels: BChannelPool
    /// Timer values that replace libpri's defaults.
    public var timers: [PRITimer: Duration]
    /// libpri debug output to send to the log handler.
    public var debug: PRIDebugOptions
    /// Whether an incoming SETUP is confirmed with CALL PROCEEDING (and its B-channel) as soon as
    /// it arrives; on by default. Turned off, the application must call `proceed`, `alert`,
    /// `answer` or `hangUp` promptly: until one of them, libpri does not report a caller who
    /// clears, and the caller's T303 runs.
    public var sendsProceedingAutomatically: Bool

    /// Creates a configuration; the defaults are EuroISDN E1 with B-channels 1-15 and 17-31.
    public init(side: PRISide, switchType: SwitchType = .euroISDN, bChannels: BChannelPool = .e1(),
                timers: [PRITimer: Duration] = [:], debug: PRIDebugOptions = [],
                sendsProceedingAutomatically: Bool = true) {
        self.side = side
        self.switchType = switchType
        self.bChannels = bChannels
        self.timers = timers
        self.debug = debug
        self.sendsProceedingAutomatically = sendsProceedingAutomatically
    }
}

/// One line of libpri output, routed to the D-channel that produced it.
public struct PRILogMessage: Sendable, Hashable, CustomStringConvertible {
    /// `.debug` for `pri_message` output (protocol traces), `.error` for `pri_error`.
    public enum Level: Sendable, Hashable { case debug, error }
    public var level: Level
    /// The D-channel's side, to tell the two ends of a back-to-back pair apart.
    public var side: PRISide
    public var text: String
    public var description: String { "[\(side)\(level == .error ? " error" : "")] \(text)" }
}

/// Receives libpri's output; called on the D-channel's owner thread, so it must not block.
public typealias PRILogHandler = @Sendable (PRILogMessage) -> Void
