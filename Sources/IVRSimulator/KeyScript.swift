/// The keys a simulated caller presses: space-separated groups, one group each time the script
/// listens for keys (a menu's prompt or first-key timer, or a recording the caller ends with a
/// key), e.g. `"1 12345678# -"`. A group `-` stays silent for that wait (the script times out).
public struct KeyScript: Sendable, Hashable, CustomStringConvertible {
    public enum Group: Sendable, Hashable, CustomStringConvertible {
        /// Press these keys (0-9, *, #, A-D), one after another.
        case keys(String)
        /// Press nothing: let the script's timer run out.
        case silence

        public var description: String {
            switch self {
            case .keys(let keys): keys
            case .silence: "-"
            }
        }
    }

    /// A group with a character that is not a key.
    public struct InvalidKey: Error, Hashable, CustomStringConvertible {
        public var group: String
        public var character: Character

        public init(group: String, character: Character) {
            self.group = group
            self.character = character
        }
        public var description: String {
            "'\(character)' in '\(group)' is not a key: use 0-9 * # A-D, and - alone to stay silent"
        }
    }

    public var groups: [Group]

    public init(groups: [Group]) { self.groups = groups }

    /// Parses `"1 2 #"`; letters A-D may be lower case.
    ///
    /// - Throws: ``InvalidKey`` naming the first character that is not a key.
    public init(parsing text: String) throws(InvalidKey) {
        var groups: [Group] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            if word == "-" {
                groups.append(.silence)
                continue
            }
            if let bad = word.first(where: { !"0123456789*#ABCDabcd".contains($0) }) {
                throw InvalidKey(group: String(word), character: bad)
            }
            let keys = word.uppercased()
            groups.append(.keys(keys))
        }
        self.groups = groups
    }

    public var description: String { groups.map(\.description).joined(separator: " ") }
}
