/// What happened on one call, in order: what `offhook simulate` prints and tests assert on.
public struct IVRTranscript: Sendable, Hashable {
    /// One thing that happened, with the time since the call started.
    public struct Entry: Sendable, Hashable, CustomStringConvertible {
        public var elapsed: Duration
        public var event: Event

        public var description: String {
            let ms = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            let seconds = "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000)"
            return "[\(String(repeating: " ", count: max(0, 7 - seconds.count)))\(seconds)] \(event)"
        }
    }

    public enum Event: Sendable, Hashable, CustomStringConvertible {
        case entered(kind: String, name: String)
        case played([String])
        case heard(Character)
        case bargedIn
        case noInput(count: Int)
        case noMatch(keys: String, count: Int)
        case chose(key: String)
        case collected(name: String, value: String)
        case lookedUp(table: String, key: String, found: Bool)
        case recorded(name: String, file: String)
        case queued(String)
        case queueResult(String)
        /// While the caller waited in a queue, the ACD told them their place (and expected
        /// wait) with these prompts (`LANG/NAME`).
        case announced([String])
        case transferred(String)
        case logged(field: String, value: String)
        case language(String)
        case faxTone
        case note(String)
        case ended(EndReason)

        public var description: String {
            switch self {
            case .entered(let kind, let name): "enter \(kind) \(name)"
            case .played(let files): "play \(files.joined(separator: " "))"
            case .heard(let key): "key \(key)"
            case .bargedIn: "barge-in: prompt stopped"
            case .noInput(let count): "no-input (\(count))"
            case .noMatch(let keys, let count): "no-match '\(keys)' (\(count))"
            case .chose(let key): "choice \(key)"
            case .collected(let name, let value): "\(name) = \(value)"
            case .lookedUp(let table, let key, let found): "lookup \(key) in \(table): \(found ? "found" : "not found")"
            case .recorded(let name, let file): "recorded \(name) = \(file)"
            case .queued(let name): "queue \(name)"
            case .queueResult(let result): "queue result: \(result)"
            case .announced(let files): "announce \(files.joined(separator: " "))"
            case .transferred(let target): "transfer \(target)"
            case .logged(let field, let value): "log \(field) = \(value)"
            case .language(let language): "language \(language)"
            case .faxTone: "fax tone"
            case .note(let text): "note: \(text)"
            case .ended(let reason): "end: \(reason.rawValue)"
            }
        }
    }

    public private(set) var entries: [Entry] = []
    /// Why the call ended; nil while it is in progress.
    public internal(set) var endReason: EndReason?

    public init() {}

    mutating func append(_ event: Event, at elapsed: Duration) {
        entries.append(Entry(elapsed: elapsed, event: event))
    }

    /// The events alone, for tests.
    public var events: [Event] { entries.map(\.event) }

    /// The names of the blocks entered, in order.
    public var blocksEntered: [String] {
        events.compactMap { if case .entered(_, let name) = $0 { name } else { nil } }
    }

    /// One line per entry.
    public var text: String { entries.map { "\($0)\n" }.joined() }
}
