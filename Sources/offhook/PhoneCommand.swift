import ArgumentParser
import Foundation

/// `offhook phone PORT`: plays the agent at a desk phone of the running daemon's simulated card.
struct PhoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phone",
        abstract: "Be the agent at a phone (FXS port) of the running daemon on the simulated card.",
        discussion: """
            Prints when the phone rings, with the caller ID it decoded from the FSK the port sends \
            between the rings, what happens on the line, and the tones the earpiece plays (dial \
            tone, busy tone after the caller left). Enter (or a) lifts the handset and \
            answers; 0-9 * # dial DTMF while off hook (feature codes: *1# log in, *2# log out, \
            *3# ready, *4# pause); h hangs up; q or Ctrl-C hangs up and quits. The daemon's \
            automatic agent on the port steps aside while you hold the phone.
            """)

    @Argument(help: "The agent's phone: an FXS port in [ports] agents (e.g. 1).")
    var port: Int

    @Option(help: ArgumentHelp("The daemon's control socket (default $XDG_RUNTIME_DIR/offhook.sock, else /tmp/offhook-UID.sock).", valueName: "PATH"))
    var socket: String?

    @Option(name: .customLong("answer-after"), help: "Answer by itself this many seconds after the phone starts ringing (3 or more to see the caller ID first: it is sent 1.5 to 2.2 s into the ringing).")
    var answerAfter: Double?

    @Option(help: "Lift, dial these digits (e.g. \"*1#\" to log in), and hang up, before waiting for calls.")
    var dial: String?

    func validate() throws {
        if let answerAfter, !(0...600).contains(answerAfter) { throw ValidationError("--answer-after: between 0 and 600 seconds") }
        if let dial, dial.isEmpty || !dial.allSatisfy({ "0123456789*#ABCDabcd".contains($0) }) {
            throw ValidationError("--dial: digits 0-9 * # A-D")
        }
    }

    func run() throws {
        var client = try ControlClient(path: socket ?? ControlSocketPath.standard)
        defer { client.close() }
        let terminal = RawTerminal()
        defer { terminal.restore() }
        client.send(ControlRequest(op: .phone, port: port, answerAfter: answerAfter))
        var taken = false
        var pendingDial = dial
        var hangUpAt: ContinuousClock.Instant?
        while true {
            guard let events = client.receive(timeoutMS: 20) else {
                printError("the daemon closed the connection")
                throw ExitCode.failure
            }
            for event in events {
                if event.event == "error" {
                    printError("offhook phone: \(event.text ?? "error")")
                    if !taken { throw ExitCode.failure }
                    continue
                }
                if event.event == "phone" {
                    taken = true
                    if terminal.isTerminal { printError("Enter answers, 0-9 * # dial, h hangs up, q quits") }
                    if pendingDial != nil { client.send(ControlRequest(op: .lift)) }
                }
                if event.event == "lifted", let digits = pendingDial {
                    client.send(ControlRequest(op: .dial, digits: digits))
                    hangUpAt = .now + .milliseconds(300 + 160 * digits.count + 800)
                    pendingDial = nil
                }
                printOut("phone \(port): \(event.text ?? event.event)")
            }
            if let at = hangUpAt, ContinuousClock.now >= at {
                client.send(ControlRequest(op: .hangup))
                hangUpAt = nil
            }
            guard taken else { continue }
            for byte in terminal.readAvailable() ?? [] {
                let key = Character(Unicode.Scalar(byte))
                switch key {
                case "q", "Q", "\u{03}", "\u{04}":
                    client.send(ControlRequest(op: .hangup))
                    return
                case "\n", "\r", "a", "A", " ":
                    client.send(ControlRequest(op: .lift))
                case "h", "H":
                    client.send(ControlRequest(op: .hangup))
                default:
                    if "0123456789*#".contains(key) { client.send(ControlRequest(op: .dial, digits: String(key))) }
                }
            }
        }
    }
}
