import Foundation

/// One request to the daemon's control socket: a JSON object on one line.
///
/// `op` says what; the other fields belong to some ops only (see README.md beside this file).
/// Unknown fields are ignored; a missing or unknown `op` gets an `error` event.
struct ControlRequest: Codable, Sendable, Hashable {
    /// What a request asks for (parsed once, here).
    enum Operation: String, Codable, Sendable, CaseIterable {
        /// Place a call into an exchange line (`line`, `from`, `name`, `keys`).
        case call
        /// During a call: press `keys`. On a phone: dial `digits`.
        case press
        /// On a phone: dial `digits` (DTMF down the line).
        case dial
        /// Hang up the call (or put the phone down).
        case hangup
        /// Take the agent's phone on FXS `port` (`answerAfter` seconds: answer by itself).
        case phone
        /// On a phone: lift the handset (answers when it rings).
        case lift
        /// The lines and phones the socket serves, and which are in use.
        case status
    }

    var op: String
    var line: Int?
    var from: String?
    var name: String?
    var keys: String?
    var port: Int?
    var digits: String?
    var answerAfter: Double?

    init(op: Operation, line: Int? = nil, from: String? = nil, name: String? = nil, keys: String? = nil,
         port: Int? = nil, digits: String? = nil, answerAfter: Double? = nil) {
        self.op = op.rawValue
        self.line = line
        self.from = from
        self.name = name
        self.keys = keys
        self.port = port
        self.digits = digits
        self.answerAfter = answerAfter
    }

    /// The operation, or `nil` when `op` names none.
    var operation: Operation? { Operation(rawValue: op) }

    /// A line that is not a request, and why in words.
    struct Malformed: Error, Hashable {
        var message: String
    }

    /// Parses one line; the error says what is wrong in words.
    static func parse(_ line: String) -> Result<ControlRequest, Malformed> {
        guard let request = try? JSONDecoder().decode(ControlRequest.self, from: Data(line.utf8)) else {
            return .failure(Malformed(message: "not a request: expected one JSON object per line with an \"op\", e.g. {\"op\":\"call\",\"keys\":\"1 2\"}"))
        }
        guard request.operation != nil else {
            let ops = Operation.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(Malformed(message: "unknown op '\(request.op)'; expected one of: \(ops)"))
        }
        return .success(request)
    }

    /// The request as one line of JSON with its newline.
    var jsonLine: String { ControlEvent.encodeLine(self) }
}

/// One thing the daemon tells a client: a JSON object on one line, `event` says what.
struct ControlEvent: Codable, Sendable, Hashable {
    var event: String
    /// Human-readable text: a transcript line, a message, the call's footer.
    var text: String?
    var line: Int?
    var port: Int?
    /// The caller ID (number) a phone decoded, or the caller's number.
    var number: String?
    var name: String?
    /// The call's result as `offhook simulate --json` prints it (on `ended`).
    var result: String?
    /// Whether the call ended as a call should (answered, then ended by either side).
    var ok: Bool?

    init(event: String, text: String? = nil, line: Int? = nil, port: Int? = nil, number: String? = nil,
         name: String? = nil, result: String? = nil, ok: Bool? = nil) {
        self.event = event
        self.text = text
        self.line = line
        self.port = port
        self.number = number
        self.name = name
        self.result = result
        self.ok = ok
    }

    /// A request the daemon refused, and why.
    static func error(_ message: String) -> ControlEvent { ControlEvent(event: "error", text: message) }

    /// Any value as one line of JSON with its newline.
    static func encodeLine(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The event as one line of JSON with its newline.
    var jsonLine: String { Self.encodeLine(self) }

    /// Parses one line from the daemon.
    static func parse(_ line: String) -> ControlEvent? {
        try? JSONDecoder().decode(ControlEvent.self, from: Data(line.utf8))
    }
}
