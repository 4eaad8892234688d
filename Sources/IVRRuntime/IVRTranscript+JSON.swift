extension IVRTranscript.Entry: Encodable {
    private enum CodingKeys: String, CodingKey {
        case milliseconds, kind, detail
    }

    /// `{"milliseconds": 1234, "kind": "play", "detail": "zh/main/menu"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000),
                             forKey: .milliseconds)
        let text = event.description
        let kind: String = switch event {
        case .entered: "enter"
        case .played: "play"
        case .heard: "key"
        case .bargedIn: "barge-in"
        case .noInput: "no-input"
        case .noMatch: "no-match"
        case .chose: "choice"
        case .collected: "collected"
        case .lookedUp: "lookup"
        case .recorded: "recorded"
        case .queued: "queue"
        case .queueResult: "queue-result"
        case .announced: "announce"
        case .transferred: "transfer"
        case .logged: "log"
        case .language: "language"
        case .faxTone: "fax-tone"
        case .note: "note"
        case .ended: "end"
        }
        var detail = Substring(text)
        let words = String(kind.map { $0 == "-" ? " " : $0 })   // "queue result: overflow"
        for prefix in [kind + ": ", kind + " ", words + ": "] where detail.hasPrefix(prefix) {
            detail = detail.dropFirst(prefix.count)
        }
        try container.encode(kind, forKey: .kind)
        try container.encode(String(detail), forKey: .detail)
    }
}

extension IVRTranscript: Encodable {
    private enum CodingKeys: String, CodingKey {
        case entries, endReason
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entries, forKey: .entries)
        try container.encodeIfPresent(endReason?.rawValue, forKey: .endReason)
    }
}
