/// The things an agent can do by dialling a code on the phone. The raw values are the names
/// used in configuration (`login=*1`).
public enum FeatureCode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Log in; the agent becomes available.
    case logIn = "login"
    /// Log out; no more calls (a call in progress goes on).
    case logOut = "logout"
    /// Become available again after a break.
    case ready
    /// Take a break; digits dialled after the code are kept as the reason (`*42` = reason "2").
    case pause

    public var description: String { rawValue }
}

/// The table of feature codes, checked once when it is built.
///
/// Codes are 1 to 8 DTMF keys (`0-9 * #`) and none is a prefix of another, so the digits an
/// agent dials name at most one feature; digits after the pause code are the pause reason.
///
/// ```swift
/// let codes = try FeatureCodes(parsing: "login=*1 logout=*2 ready=*3 pause=*4")
/// codes.match("*42")   // (.pause, argument: "2")
/// ```
public struct FeatureCodes: Sendable, Hashable {
    /// The code of each feature.
    public let codes: [FeatureCode: String]

    /// `*1` log in, `*2` log out, `*3` ready, `*4` pause.
    public static let standard = FeatureCodes(checked: [.logIn: "*1", .logOut: "*2", .ready: "*3", .pause: "*4"])

    /// Builds a table; every feature needs a code.
    ///
    /// - Throws: ``ACDError`` naming a missing feature, a malformed code, or a code that is a
    ///   prefix of another.
    public init(_ codes: [FeatureCode: String]) throws(ACDError) {
        for feature in FeatureCode.allCases where codes[feature] == nil {
            throw .missingFeature(feature.rawValue)
        }
        for code in codes.values { try Self.check(code) }
        let sorted = codes.values.sorted()
        for a in sorted {
            for b in sorted where a != b && b.hasPrefix(a) { throw .ambiguousFeatureCodes(a, b) }
            if sorted.filter({ $0 == a }).count > 1 { throw .ambiguousFeatureCodes(a, a) }
        }
        self.codes = codes
    }

    /// Parses `feature=code` pairs separated by spaces or commas, e.g.
    /// `"login=*1 logout=*2 ready=*3 pause=*4"`.
    ///
    /// - Throws: ``ACDError`` for an unknown feature name, a pair without `=`, or any error of
    ///   ``init(_:)``.
    public init(parsing text: String) throws(ACDError) {
        var codes: [FeatureCode: String] = [:]
        for pair in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { throw .badFeatureCode(String(pair)) }
            guard let feature = FeatureCode(rawValue: String(parts[0]).lowercased()) else {
                throw .unknownFeature(String(parts[0]))
            }
            codes[feature] = String(parts[1])
        }
        try self.init(codes)
    }

    /// Checks one code alone: 1 to 8 DTMF keys (`0-9 * #`).
    ///
    /// - Throws: ``ACDError/badFeatureCode(_:)``.
    public static func check(_ code: String) throws(ACDError) {
        guard (1...8).contains(code.count), code.allSatisfy({ "0123456789*#".contains($0) }) else {
            throw .badFeatureCode(code)
        }
    }

    private init(checked codes: [FeatureCode: String]) { self.codes = codes }

    /// Returns the feature `digits` dial and the digits after its code, or `nil` when they
    /// dial none. Only ``FeatureCode/pause`` takes an argument.
    ///
    /// - Complexity: O(number of features × code length).
    public func match(_ digits: String) -> (feature: FeatureCode, argument: String)? {
        for (feature, code) in codes where digits.hasPrefix(code) {
            let argument = String(digits.dropFirst(code.count))
            if argument.isEmpty || feature == .pause { return (feature, argument) }
        }
        return nil
    }
}
