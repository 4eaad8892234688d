/// A cause value from ITU-T Q.850 (Table 1), carried in the Cause information element of
/// DISCONNECT, RELEASE and RELEASE COMPLETE (Q.931 §4.5.12).
///
/// The standard values are static members named after Q.850's wording
/// (`Q850Cause.normalClearing` is cause 16, libpri's `PRI_CAUSE_NORMAL_CLEARING`). Any value
/// 0...127 can be represented, so a cause a switch sends that is not in the table still round-trips.
///
/// ```swift
/// channel.hangUp(call, cause: .userBusy)
/// // far side: .disconnected(call, cause: Q850Cause(rawValue: 17)!)   // "user busy"
/// ```
public struct Q850Cause: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The 7-bit cause value (Q.850 octet 4, bits 7-1).
    public let rawValue: Int

    /// Creates a cause from its 7-bit value; returns `nil` outside 0...127.
    public init?(rawValue: Int) {
        guard (0...127).contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Creates a cause from a value libpri reported, mapping anything out of range to
    /// `.normalUnspecified`.
    init(libpri value: Int32) {
        self = Q850Cause(rawValue: Int(value)) ?? .normalUnspecified
    }

    private init(_ value: Int) { rawValue = value }

    /// Q.850's name for this cause ("normal call clearing"), or "cause N" for a value the table lacks.
    public var name: String { Self.names[rawValue] ?? "cause \(rawValue)" }

    /// The Q.850 class (bits 7-5): 0-1 normal event, 2 resource unavailable, 3 service or option
    /// not available, 4 service not implemented, 5 invalid message, 6 protocol error, 7 interworking.
    public var causeClass: Int { rawValue >> 4 }

    /// "16 (normal call clearing)".
    public var description: String { "\(rawValue) (\(name))" }
}

// Normal class (Q.850 values 1-31).
extension Q850Cause {
    /// 1, unallocated (unassigned) number. libpri: `PRI_CAUSE_UNALLOCATED`.
    public static let unallocatedNumber = Q850Cause(1)
    /// 2, no route to specified transit network. libpri: `PRI_CAUSE_NO_ROUTE_TRANSIT_NET`.
    public static let noRouteToTransitNetwork = Q850Cause(2)
    /// 3, no route to destination. libpri: `PRI_CAUSE_NO_ROUTE_DESTINATION`.
    public static let noRouteToDestination = Q850Cause(3)
    /// 6, channel unacceptable. libpri: `PRI_CAUSE_CHANNEL_UNACCEPTABLE`.
    public static let channelUnacceptable = Q850Cause(6)
    /// 7, call awarded and being delivered in an established channel. libpri: `PRI_CAUSE_CALL_AWARDED_DELIVERED`.
    public static let callAwardedDelivered = Q850Cause(7)
    /// 16, normal call clearing. libpri: `PRI_CAUSE_NORMAL_CLEARING`.
    public static let normalClearing = Q850Cause(16)
    /// 17, user busy. libpri: `PRI_CAUSE_USER_BUSY`.
    public static let userBusy = Q850Cause(17)
    /// 18, no user responding. libpri: `PRI_CAUSE_NO_USER_RESPONSE`.
    public static let noUserResponding = Q850Cause(18)
    /// 19, no answer from user (user alerted). libpri: `PRI_CAUSE_NO_ANSWER`.
    public static let noAnswer = Q850Cause(19)
    /// 21, call rejected. libpri: `PRI_CAUSE_CALL_REJECTED`.
    public static let callRejected = Q850Cause(21)
    /// 22, number changed. libpri: `PRI_CAUSE_NUMBER_CHANGED`.
    public static let numberChanged = Q850Cause(22)
    /// 26, non-selected user clearing. libpri: `PRI_CAUSE_NONSELECTED_USER_CLEARING`.
    public static let nonSelectedUserClearing = Q850Cause(26)
    /// 27, destination out of order. libpri: `PRI_CAUSE_DESTINATION_OUT_OF_ORDER`.
    public static let destinationOutOfOrder = Q850Cause(27)
    /// 28, invalid number format (address incomplete). libpri: `PRI_CAUSE_INVALID_NUMBER_FORMAT`.
    public static let invalidNumberFormat = Q850Cause(28)
    /// 29, facility rejected. libpri: `PRI_CAUSE_FACILITY_REJECTED`.
    public static let facilityRejected = Q850Cause(29)
    /// 30, response to STATUS ENQUIRY. libpri: `PRI_CAUSE_RESPONSE_TO_STATUS_ENQUIRY`.
    public static let responseToStatusEnquiry = Q850Cause(30)
    /// 31, normal, unspecified. libpri: `PRI_CAUSE_NORMAL_UNSPECIFIED`.
    public static let normalUnspecified = Q850Cause(31)
}

// Resource unavailable class (34-47).
extension Q850Cause {
    /// 34, no circuit/channel available. libpri: `PRI_CAUSE_NORMAL_CIRCUIT_CONGESTION`.
    public static let noCircuitAvailable = Q850Cause(34)
    /// 38, network out of order. libpri: `PRI_CAUSE_NETWORK_OUT_OF_ORDER`.
    public static let networkOutOfOrder = Q850Cause(38)
    /// 41, temporary failure. libpri: `PRI_CAUSE_NORMAL_TEMPORARY_FAILURE`.
    public static let temporaryFailure = Q850Cause(41)
    /// 42, switching equipment congestion. libpri: `PRI_CAUSE_SWITCH_CONGESTION`.
    public static let switchingEquipmentCongestion = Q850Cause(42)
    /// 43, access information discarded. libpri: `PRI_CAUSE_ACCESS_INFO_DISCARDED`.
    public static let accessInformationDiscarded = Q850Cause(43)
    /// 44, requested circuit/channel not available. libpri: `PRI_CAUSE_REQUESTED_CHAN_UNAVAIL`.
    public static let requestedChannelNotAvailable = Q850Cause(44)
    /// 47, resource unavailable, unspecified. libpri: `PRI_CAUSE_RESOURCE_UNAVAIL_UNSPECIFIED`.
    public static let resourceUnavailable = Q850Cause(47)
}

// Service or option not available / not implemented (49-79).
extension Q850Cause {
    /// 50, requested facility not subscribed. libpri: `PRI_CAUSE_FACILITY_NOT_SUBSCRIBED`.
    public static let facilityNotSubscribed = Q850Cause(50)
    /// 52, outgoing calls barred. libpri: `PRI_CAUSE_OUTGOING_CALL_BARRED`.
    public static let outgoingCallsBarred = Q850Cause(52)
    /// 54, incoming calls barred. libpri: `PRI_CAUSE_INCOMING_CALL_BARRED`.
    public static let incomingCallsBarred = Q850Cause(54)
    /// 57, bearer capability not authorized. libpri: `PRI_CAUSE_BEARERCAPABILITY_NOTAUTH`.
    public static let bearerCapabilityNotAuthorized = Q850Cause(57)
    /// 58, bearer capability not presently available. libpri: `PRI_CAUSE_BEARERCAPABILITY_NOTAVAIL`.
    public static let bearerCapabilityNotAvailable = Q850Cause(58)
    /// 63, service or option not available, unspecified. libpri: `PRI_CAUSE_SERVICEOROPTION_NOTAVAIL`.
    public static let serviceNotAvailable = Q850Cause(63)
    /// 65, bearer capability not implemented. libpri: `PRI_CAUSE_BEARERCAPABILITY_NOTIMPL`.
    public static let bearerCapabilityNotImplemented = Q850Cause(65)
    /// 66, channel type not implemented. libpri: `PRI_CAUSE_CHAN_NOT_IMPLEMENTED`.
    public static let channelTypeNotImplemented = Q850Cause(66)
    /// 69, requested facility not implemented. libpri: `PRI_CAUSE_FACILITY_NOT_IMPLEMENTED`.
    public static let facilityNotImplemented = Q850Cause(69)
    /// 79, service or option not implemented, unspecified.
    public static let serviceNotImplemented = Q850Cause(79)
}

// Invalid message, protocol error and interworking classes (81-127).
extension Q850Cause {
    /// 81, invalid call reference value. libpri: `PRI_CAUSE_INVALID_CALL_REFERENCE`.
    public static let invalidCallReference = Q850Cause(81)
    /// 82, identified channel does not exist. libpri: `PRI_CAUSE_IDENTIFIED_CHANNEL_NOTEXIST`.
    public static let identifiedChannelDoesNotExist = Q850Cause(82)
    /// 88, incompatible destination. libpri: `PRI_CAUSE_INCOMPATIBLE_DESTINATION`.
    public static let incompatibleDestination = Q850Cause(88)
    /// 95, invalid message, unspecified. libpri: `PRI_CAUSE_INVALID_MSG_UNSPECIFIED`.
    public static let invalidMessage = Q850Cause(95)
    /// 96, mandatory information element is missing. libpri: `PRI_CAUSE_MANDATORY_IE_MISSING`.
    public static let mandatoryIEMissing = Q850Cause(96)
    /// 97, message type non-existent or not implemented. libpri: `PRI_CAUSE_MESSAGE_TYPE_NONEXIST`.
    public static let messageTypeNonExistent = Q850Cause(97)
    /// 98, message not compatible with call state. libpri: `PRI_CAUSE_WRONG_MESSAGE`.
    public static let messageNotCompatibleWithCallState = Q850Cause(98)
    /// 99, information element non-existent or not implemented. libpri: `PRI_CAUSE_IE_NONEXIST`.
    public static let ieNonExistent = Q850Cause(99)
    /// 100, invalid information element contents. libpri: `PRI_CAUSE_INVALID_IE_CONTENTS`.
    public static let invalidIEContents = Q850Cause(100)
    /// 101, message not compatible with call state. libpri: `PRI_CAUSE_WRONG_CALL_STATE`.
    public static let wrongCallState = Q850Cause(101)
    /// 102, recovery on timer expiry. libpri: `PRI_CAUSE_RECOVERY_ON_TIMER_EXPIRE`.
    public static let recoveryOnTimerExpiry = Q850Cause(102)
    /// 103, parameter non-existent or not implemented, passed on. libpri: `PRI_CAUSE_MANDATORY_IE_LENGTH_ERROR`.
    public static let parameterNotImplemented = Q850Cause(103)
    /// 111, protocol error, unspecified. libpri: `PRI_CAUSE_PROTOCOL_ERROR`.
    public static let protocolError = Q850Cause(111)
    /// 127, interworking, unspecified. libpri: `PRI_CAUSE_INTERWORKING`.
    public static let interworking = Q850Cause(127)
}

extension Q850Cause {
    /// Q.850 Table 1 wording, by value.
    static let names: [Int: String] = [
        1: "unallocated (unassigned) number", 2: "no route to specified transit network",
        3: "no route to destination", 6: "channel unacceptable",
        7: "call awarded and being delivered in an established channel",
        16: "normal call clearing", 17: "user busy", 18: "no user responding",
        19: "no answer from user (user alerted)", 21: "call rejected", 22: "number changed",
        26: "non-selected user clearing", 27: "destination out of order",
        28: "invalid number format (address incomplete)", 29: "facility rejected",
        30: "response to STATUS ENQUIRY", 31: "normal, unspecified",
        34: "no circuit/channel available", 38: "network out of order", 41: "temporary failure",
        42: "switching equipment congestion", 43: "access information discarded",
        44: "requested circuit/channel not available", 47: "resource unavailable, unspecified",
        50: "requested facility not subscribed", 52: "outgoing calls barred",
        54: "incoming calls barred", 57: "bearer capability not authorized",
        58: "bearer capability not presently available",
        63: "service or option not available, unspecified", 65: "bearer capability not implemented",
        66: "channel type not implemented", 69: "requested facility not implemented",
        79: "service or option not implemented, unspecified", 81: "invalid call reference value",
        82: "identified channel does not exist", 88: "incompatible destination",
        95: "invalid message, unspecified", 96: "mandatory information element is missing",
        97: "message type non-existent or not implemented",
        98: "message not compatible with call state or message type non-existent or not implemented",
        99: "information element/parameter non-existent or not implemented",
        100: "invalid information element contents", 101: "message not compatible with call state",
        102: "recovery on timer expiry", 103: "parameter non-existent or not implemented, passed on",
        111: "protocol error, unspecified", 127: "interworking, unspecified",
    ]
}
