import CLibPRI

/// The Q.921 and Q.931 timers that can be set per D-channel (libpri's `pri_set_timer`).
///
/// libpri runs them on its own scheduler; `DChannel`'s owner thread sleeps until
/// `pri_schedule_next` and fires them with `pri_schedule_run`, so expiries arrive as ordinary
/// events (a T303 expiry clears the call with cause 102, recovery on timer expiry).
public enum PRITimer: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Q.921 retransmission timer (1 s). libpri: `PRI_TIMER_T200`.
    case t200
    /// Q.921 idle link supervision (10 s). libpri: `PRI_TIMER_T203`.
    case t203
    /// Q.931 SETUP sent, waiting for a response (4 s). libpri: `PRI_TIMER_T303`.
    case t303
    /// Q.931 DISCONNECT sent, waiting for RELEASE (30 s). libpri: `PRI_TIMER_T305`.
    case t305
    /// Q.931 RELEASE sent, waiting for RELEASE COMPLETE (4 s). libpri: `PRI_TIMER_T308`.
    case t308
    /// Q.931 data link down, active calls kept (6 s). libpri: `PRI_TIMER_T309`.
    case t309
    /// Q.931 CALL PROCEEDING received, waiting for ALERTING/CONNECT. libpri: `PRI_TIMER_T310`.
    case t310
    /// Q.931 CONNECT sent, waiting for CONNECT ACKNOWLEDGE (user side). libpri: `PRI_TIMER_T313`.
    case t313
    /// Q.931 RESTART sent, waiting for RESTART ACKNOWLEDGE. libpri: `PRI_TIMER_T316`.
    case t316

    var libpriIndex: Int32 {
        let value = switch self {
        case .t200: PRI_TIMER_T200
        case .t203: PRI_TIMER_T203
        case .t303: PRI_TIMER_T303
        case .t305: PRI_TIMER_T305
        case .t308: PRI_TIMER_T308
        case .t309: PRI_TIMER_T309
        case .t310: PRI_TIMER_T310
        case .t313: PRI_TIMER_T313
        case .t316: PRI_TIMER_T316
        }
        return Int32(value.rawValue)
    }

    public var description: String { rawValue.uppercased() }
}

/// libpri's debug categories (`pri_set_debug`); output reaches the `DChannel`'s log handler.
public struct PRIDebugOptions: OptionSet, Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Raw HDLC frames in hex. libpri: `PRI_DEBUG_Q921_RAW`.
    public static let q921Raw = PRIDebugOptions(rawValue: PRI_DEBUG_Q921_RAW)
    /// Decoded Q.921 frames. libpri: `PRI_DEBUG_Q921_DUMP`.
    public static let q921Dump = PRIDebugOptions(rawValue: PRI_DEBUG_Q921_DUMP)
    /// Q.921 state changes. libpri: `PRI_DEBUG_Q921_STATE`.
    public static let q921State = PRIDebugOptions(rawValue: PRI_DEBUG_Q921_STATE)
    /// Decoded Q.931 messages. libpri: `PRI_DEBUG_Q931_DUMP`.
    public static let q931Dump = PRIDebugOptions(rawValue: PRI_DEBUG_Q931_DUMP)
    /// Q.931 call state changes. libpri: `PRI_DEBUG_Q931_STATE`.
    public static let q931State = PRIDebugOptions(rawValue: PRI_DEBUG_Q931_STATE)
    /// Unexpected messages. libpri: `PRI_DEBUG_Q931_ANOMALY`.
    public static let q931Anomaly = PRIDebugOptions(rawValue: PRI_DEBUG_Q931_ANOMALY)
}
