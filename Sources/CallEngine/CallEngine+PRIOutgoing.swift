import PRI
import Signalling
import TelephonyCore

/// Outside transfers over a PRI span: a SETUP on a free B-channel of a span whose D-channel is
/// up, the caller bridged on CONNECT, and a DISCONNECT before answer (busy, no answer, no
/// route…) turned into a failed transfer with its Q.850 cause.
extension CallEngine {
    /// A free B-channel's line slot on a span whose D-channel is up, or `nil`.
    func freePRIBearer() -> Int? {
        lines.indices.first { i in
            guard let bearer = lines[i].bearer else { return false }
            return bearer.call == nil && lines[i].call == nil && lines[i].transferFrom == nil && trunks[bearer.trunk].isUp
        }
    }

    /// Places the outgoing leg's call on its B-channel (that channel only, so the engine's line
    /// slot is the one the call uses). Returns `false` when the number cannot be sent.
    func placePRICall(to number: String, callingNumber: String, line out: Int) -> Bool {
        guard let bearer = lines[out].bearer else { return false }
        let request = OutgoingCall(called: PartyNumber(number), calling: callingNumber.isEmpty ? nil : PartyNumber(callingNumber),
                                   channel: .exclusive(bearer.bChannel))
        do {
            lines[out].bearer?.call = try trunks[bearer.trunk].dChannel.placeCall(request)
            return true
        } catch {
            logger.notice("\(lines[out].channel.info.name): cannot call '\(number)': \(error)")
            return false
        }
    }

    /// CONNECT for an outgoing leg: the caller is bridged to it.
    func priOutgoingAnswered(line out: Int, at time: Duration) {
        outgoingReport(.connected, line: out, at: time)
    }

    /// How a DISCONNECT ends the line: an outgoing leg not answered yet is a failed transfer
    /// ("outside 5551234: user busy (cause 17)"); otherwise the far end hung up.
    func priDisconnectReason(line index: Int, cause: Q850Cause) -> CallEndReason {
        if let caller = lines[index].transferFrom, lines[index].call?.answeredAt == nil,
           let target = lines[caller].transfer?.target {
            return .transferFailed("\(target): \(cause.name) (cause \(cause.rawValue))")
        }
        return .farEndHungUp(method: "PRI DISCONNECT, cause \(cause.rawValue)")
    }
}
