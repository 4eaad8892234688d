/// Which application takes an incoming call: by the called number (DNIS) first, then by the
/// channel it arrived on.
public struct CallRouter: Sendable {
    public struct Route: Sendable, Hashable {
        public var name: String
        public var channels: Set<Int>
        public var dialledNumbers: Set<String>
        /// What the application runs (for the IVR: the script's path).
        public var target: String
        /// The language to start in.
        public var language: String?

        public init(name: String, channels: Set<Int> = [], dialledNumbers: Set<String> = [], target: String, language: String? = nil) {
            self.name = name
            self.channels = channels
            self.dialledNumbers = dialledNumbers
            self.target = target
            self.language = language
        }
    }

    public var routes: [Route]

    public init(routes: [Route]) { self.routes = routes }

    /// The route for a call on `channel` to `dialled`, or `nil`.
    public func route(channel: Int, dialled: String) -> Route? {
        if !dialled.isEmpty, let byNumber = routes.first(where: { $0.dialledNumbers.contains(dialled) }) {
            return byNumber
        }
        return routes.first { $0.channels.contains(channel) }
    }
}
