import IVRSimulator
import SimulatedCard

/// The agents at the simulated card's desk phones when nobody plays them: two seconds into the
/// card's clock (the ports are in service before the control service steps them) each lifts the handset and logs in by
/// dialling the login feature code (``Settings/loginCode``, `*1` unless `[agents] login` says otherwise; real DTMF on the phone's line, heard by the port's DTMF
/// receiver, taken by the ACD), then answers its ringing phone after ``Settings/answerAfter``
/// and hangs up after ``Settings/talkFor``. A phone a client holds (`offhook phone PORT`) is
/// left alone.
///
/// Not `Sendable`: the control service's task steps it every 20 ms or so.
struct DeskAgents {
    struct Settings: Sendable, Hashable {
        var answerAfter: Duration = .seconds(3)
        var talkFor: Duration = .seconds(20)
        /// The code that logs an agent in (`[agents] login`).
        var loginCode = "*1"
    }

    private enum Stage {
        case loggedOut(until: Duration)
        case lifted(at: Duration)
        case dialled(at: Duration)
        case ready
    }

    private struct Desk {
        var agent: SimulatedAgent
        var stage = Stage.loggedOut(until: .seconds(2))
    }

    let settings: Settings
    private var desks: [Int: Desk]

    /// The agents at the phones on `ports` (those the card has).
    init(ports: [Int], card: SimulatedCard, settings: Settings) {
        self.settings = settings
        desks = [:]
        for port in ports {
            if let phone = card.phone(on: port) { desks[port] = Desk(agent: SimulatedAgent(phone: phone)) }
        }
    }

    /// The ports whose agents have logged in.
    var loggedIn: [Int] { desks.filter { if case .ready = $0.value.stage { true } else { false } }.keys.sorted() }

    /// Looks at every phone at `now`, skipping those `isHeld` says a client holds.
    mutating func step(at now: Duration, isHeld: (Int) -> Bool) {
        for port in desks.keys.sorted() where !isHeld(port) {
            let phone = desks[port]!.agent.phone
            switch desks[port]!.stage {
            case .loggedOut(let until):
                guard now >= until, !phone.isBeingRung else { continue }
                phone.lift()
                desks[port]!.stage = .lifted(at: now)
            case .lifted(let at):
                guard now - at >= .milliseconds(600) else { continue }
                try? phone.dial(settings.loginCode + "#")
                desks[port]!.stage = .dialled(at: now)
            case .dialled(let at):
                guard !phone.isSending, now - at >= .milliseconds(800) else { continue }
                phone.hangUp()
                desks[port]!.stage = .ready
            case .ready:
                desks[port]!.agent.step(at: now, answerAfter: settings.answerAfter, talkFor: settings.talkFor)
            }
        }
    }
}
