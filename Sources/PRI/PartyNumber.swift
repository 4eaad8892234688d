/// A party number as the Calling and Called party number IEs carry it (Q.931 §4.5.8, §4.5.10):
/// the digits, the type of number, the numbering plan, and (for the calling party) presentation
/// and screening. ANI is the calling number, DNIS the called number.
public struct PartyNumber: Hashable, Sendable, CustomStringConvertible {
    /// The address digits: `0`-`9`, `*`, `#` (IA5, Q.931 §4.5.10 octet 4).
    public var digits: String
    /// Type of number (octet 3, bits 7-5).
    public var numberType: NumberType
    /// Numbering plan identification (octet 3, bits 4-1).
    public var numberingPlan: NumberingPlan
    /// Presentation indicator (octet 3a, bits 7-6); calling party only.
    public var presentation: Presentation
    /// Screening indicator (octet 3a, bits 2-1); calling party only.
    public var screening: Screening

    /// Creates a number; the defaults are an unknown-type ISDN/telephony (E.164) number that
    /// may be presented and was not screened.
    public init(_ digits: String, numberType: NumberType = .unknown, numberingPlan: NumberingPlan = .isdn,
                presentation: Presentation = .allowed, screening: Screening = .userProvidedNotScreened) {
        self.digits = digits
        self.numberType = numberType
        self.numberingPlan = numberingPlan
        self.presentation = presentation
        self.screening = screening
    }

    /// "5550123 (national, isdn)".
    public var description: String { "\(digits) (\(numberType), \(numberingPlan)\(presentation == .allowed ? "" : ", \(presentation)"))" }

    /// Whether `digits` holds only characters a Q.931 number may carry; empty is valid.
    public var hasValidDigits: Bool { digits.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2A || $0 == 0x23 } }

    /// Q.931 type of number (octet 3, bits 7-5).
    public enum NumberType: Int, Sendable, CaseIterable, CustomStringConvertible {
        /// libpri: `PRI_TON_UNKNOWN`.
        case unknown = 0
        /// libpri: `PRI_TON_INTERNATIONAL`.
        case international = 1
        /// libpri: `PRI_TON_NATIONAL`.
        case national = 2
        /// libpri: `PRI_TON_NET_SPECIFIC`.
        case networkSpecific = 3
        /// libpri: `PRI_TON_SUBSCRIBER`.
        case subscriber = 4
        /// libpri: `PRI_TON_ABBREVIATED`.
        case abbreviated = 6
        /// libpri: `PRI_TON_RESERVED`.
        case reserved = 7

        public var description: String { "\(Self.names[self] ?? "?")" }
        private static let names: [Self: String] = [.unknown: "unknown", .international: "international", .national: "national",
            .networkSpecific: "network-specific", .subscriber: "subscriber", .abbreviated: "abbreviated", .reserved: "reserved"]
    }

    /// Q.931 numbering plan identification (octet 3, bits 4-1).
    public enum NumberingPlan: Int, Sendable, CaseIterable, CustomStringConvertible {
        /// libpri: `PRI_NPI_UNKNOWN`.
        case unknown = 0
        /// ISDN/telephony numbering plan, E.164. libpri: `PRI_NPI_E163_E164`.
        case isdn = 1
        /// Data numbering plan, X.121. libpri: `PRI_NPI_X121`.
        case data = 3
        /// Telex numbering plan, F.69. libpri: `PRI_NPI_F69`.
        case telex = 4
        /// National standard numbering plan. libpri: `PRI_NPI_NATIONAL`.
        case national = 8
        /// Private numbering plan. libpri: `PRI_NPI_PRIVATE`.
        case `private` = 9
        /// libpri: `PRI_NPI_RESERVED`.
        case reserved = 15

        public var description: String { "\(Self.names[self] ?? "?")" }
        private static let names: [Self: String] = [.unknown: "unknown", .isdn: "isdn", .data: "data", .telex: "telex",
            .national: "national", .private: "private", .reserved: "reserved"]
    }

    /// Presentation indicator (octet 3a, bits 7-6).
    public enum Presentation: Int, Sendable, CaseIterable, CustomStringConvertible {
        /// libpri: `PRI_PRES_ALLOWED`.
        case allowed = 0
        /// libpri: `PRI_PRES_RESTRICTED`.
        case restricted = 1
        /// Number not available due to interworking. libpri: `PRI_PRES_UNAVAILABLE`.
        case unavailable = 2
        /// libpri: `PRI_PRES_RESERVED`.
        case reserved = 3

        public var description: String { ["allowed", "restricted", "unavailable", "reserved"][rawValue] }
    }

    /// Screening indicator (octet 3a, bits 2-1).
    public enum Screening: Int, Sendable, CaseIterable, CustomStringConvertible {
        /// libpri: `PRI_PRES_USER_NUMBER_UNSCREENED`.
        case userProvidedNotScreened = 0
        /// libpri: `PRI_PRES_USER_NUMBER_PASSED_SCREEN`.
        case userProvidedVerifiedAndPassed = 1
        /// libpri: `PRI_PRES_USER_NUMBER_FAILED_SCREEN`.
        case userProvidedVerifiedAndFailed = 2
        /// libpri: `PRI_PRES_NETWORK_NUMBER`.
        case networkProvided = 3

        public var description: String { ["user, not screened", "user, passed", "user, failed", "network"][rawValue] }
    }
}

extension PartyNumber {
    /// The combined type/plan value libpri uses (`PRI_NATIONAL_ISDN` = 0x21): TON in bits 6-4, NPI in bits 3-0.
    var libpriPlan: Int32 { Int32(numberType.rawValue << 4 | numberingPlan.rawValue) }

    /// The combined presentation/screening value libpri uses (`PRES_ALLOWED_USER_NUMBER_NOT_SCREENED`).
    var libpriPresentation: Int32 { Int32(presentation.rawValue << 5 | screening.rawValue) }

    /// Rebuilds a number from libpri's plan and presentation values; unknown codes become `.unknown`/`.reserved`.
    init(digits: String, libpriPlan plan: Int32, libpriPresentation pres: Int32 = 0) {
        self.init(digits,
                  numberType: NumberType(rawValue: Int(plan >> 4) & 0x7) ?? .unknown,
                  numberingPlan: NumberingPlan(rawValue: Int(plan) & 0xF) ?? .reserved,
                  presentation: Presentation(rawValue: Int(pres >> 5) & 0x3) ?? .reserved,
                  screening: Screening(rawValue: Int(pres) & 0x3) ?? .userProvidedNotScreened)
    }
}
