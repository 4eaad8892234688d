import ArgumentParser
import Foundation
import IVRSimulator

/// `offhook call`: calls into the running daemon on the simulated card, as a caller on one of
/// its exchange lines.
struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Call into the running daemon (offhook run on the simulated card) and print the transcript.",
        discussion: """
            The daemon rings one of its exchange lines (an FXO port) with your number as FSK caller \
            ID between the rings; its IVR answers as it answers any call. What the script does \
            (prompts, menus, keys heard, where the call ended) is printed as it happens, then the \
            call record. With --keys each space-separated group is pressed as DTMF the next time the \
            script listens for keys ("-" stays silent), and the call hangs up when the keys run out \
            and the script listens again; exit status 0 when the call was answered and ended with \
            a record. Without --keys the keyboard is the keypad: 0-9 * # A-D press keys, q or \
            Ctrl-C hangs up. Callers queued for an agent reach the daemon's simulated agents, or \
            an `offhook phone` client.
            """)

    @Option(help: ArgumentHelp("The daemon's control socket (default $XDG_RUNTIME_DIR/offhook.sock, else /tmp/offhook-UID.sock).", valueName: "PATH"))
    var socket: String?

    @Option(help: "The exchange line (FXO port) to ring; the first free one by default.")
    var line: Int?

    @Option(help: "Your number, sent as caller ID (empty: withheld).")
    var from = "13800138000"

    @Option(help: "Your name, sent as caller ID (at most 15 characters).")
    var name: String?

    @Option(parsing: .unconditional, help: "Keys to press, one group per time the script listens, e.g. \"1 1 12345678#\" (- presses nothing).")
    var keys: String?

    @Flag(help: "Print the call's result as JSON (as offhook simulate --json) instead of the transcript.")
    var json = false

    func validate() throws {
        if let keys {
            do { _ = try KeyScript(parsing: keys) } catch { throw ValidationError("--keys: \(error)") }
        }
        if let name, name.count > 15 { throw ValidationError("--name: at most 15 characters") }
    }

    func run() throws {
        var client = try ControlClient(path: socket ?? ControlSocketPath.standard)
        defer { client.close() }
        let terminal = keys == nil ? RawTerminal() : nil
        defer { terminal?.restore() }
        client.send(ControlRequest(op: .call, line: line, from: from, name: name, keys: keys))
        var started = false
        var hungUp = false
        var answered = false
        while true {
            guard let events = client.receive(timeoutMS: 20) else {
                printError("the daemon closed the connection")
                throw ExitCode.failure
            }
            for event in events {
                switch event.event {
                case "error":
                    printError("offhook call: \(event.text ?? "error")")
                    if !started { throw ExitCode.failure }
                case "ringing":
                    started = true
                    if !json { printOut("call from \(from.isEmpty ? "(withheld)" : from) on line \(event.line.map(String.init) ?? "?")") }
                    if terminal != nil { printError("keys 0-9 * # A-D, q or Ctrl-C hangs up") }
                case "answered":
                    answered = true
                    if !json { printOut(event.text ?? "answered") }
                case "entry":
                    if !json { printOut(event.text ?? "") }
                case "ended":
                    printOut(json ? event.result ?? "{}" : event.text ?? "", terminator: json ? "\n" : "")
                    if event.ok != true { throw ExitCode.failure }
                    return
                default:
                    break
                }
            }
            guard let terminal, !hungUp, started else { continue }
            for byte in terminal.readAvailable() ?? [] {
                let key = Character(Unicode.Scalar(byte))
                switch key {
                case "q", "Q", "\u{03}", "\u{04}":
                    client.send(ControlRequest(op: .hangup))
                    hungUp = true
                default:
                    guard "0123456789*#ABCDabcd".contains(key) else { continue }
                    if answered {
                        client.send(ControlRequest(op: .press, keys: String(key).uppercased()))
                    } else {
                        printError("not answered yet: \(key) not sent")
                    }
                }
            }
        }
    }
}
