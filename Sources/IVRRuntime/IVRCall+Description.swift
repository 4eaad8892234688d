extension IVRCall: CustomStringConvertible {
    /// The state for logs: `menu main (waiting for a key, no-input 1, no-match 0)`.
    public var description: String {
        switch state {
        case .notStarted: return "not started"
        case .running: return "running"
        case .playing(let id): return "playing \(id)"
        case .pausing(let id): return "pausing \(id)"
        case .lookup(let table, let key): return "looking up \(key) in \(table)"
        case .recording(let id, let name): return "recording \(name) (\(id))"
        case .queued: return "waiting in queue"
        case .withAgent: return "with an agent"
        case .ended: return "ended (\(transcript.endReason?.rawValue ?? "?"))"
        case .menu(let menu):
            let block = script.blocks[menu.block]
            let phase = switch menu.phase {
            case .prompting: "prompt playing"
            case .waiting: "waiting for a key"
            case .collecting: "keys '\(menu.keys)' in"
            }
            return "\(block.kind.rawValue) \(block.name.value) (\(phase), no-input \(menu.noInputs), no-match \(menu.noMatches))"
        }
    }
}
