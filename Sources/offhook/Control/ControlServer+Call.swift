import CallEngine
import Foundation
import IVRSimulator
import SimulatedCard

extension ControlServer {
    /// The longest a line may ring unanswered before the caller gives up.
    static let ringLimit = Duration.seconds(30)
    /// How long after hanging up the caller waits for the call record (a call given up before
    /// its caller ID is in leaves none).
    static let recordWait = Duration.seconds(10)

    /// Runs one call from a client: rings a free exchange line with the caller's number as FSK
    /// caller ID, reports what the IVR does as it happens (`ringing`, `answered`, one `entry` per
    /// transcript line, `ended` with the call record), presses the client's keys as DTMF audio
    /// (`keys` scripted, or `press` requests as they come), and hangs up on `hangup`, when the
    /// scripted keys run out, or when the client goes away.
    func runCall(_ request: ControlRequest, on connection: inout ControlConnection) {
        let caller = request.from ?? "13800138000"
        guard caller.count <= 20, caller.allSatisfy({ "0123456789+*#".contains($0) }) else {
            return connection.send(.error("from: a number of at most 20 digits (0-9 + * #), or empty for a withheld number"))
        }
        if let name = request.name, name.count > 15 || !name.allSatisfy(\.isASCII) {
            return connection.send(.error("name: at most 15 ASCII characters (caller ID's limit)"))
        }
        var scripted: ScriptedCaller?
        if let keys = request.keys {
            do {
                scripted = ScriptedCaller(keys: try KeyScript(parsing: keys), hangsUpWhenKeysRunOut: true)
            } catch {
                return connection.send(.error("keys: \(error)"))
            }
        }
        if let wanted = request.line, !configuration.lines.contains(wanted) {
            let lines = configuration.lines.map(String.init).joined(separator: ", ")
            return connection.send(.error("line \(wanted) is not an exchange line; lines: \(lines)"))
        }
        guard let lineNumber = claimLine(request.line) else {
            return connection.send(.error(request.line.map { "line \($0) is in a call" } ?? "every exchange line is in a call"))
        }
        defer {
            // Let the line settle (the loop-current drop, the port going on hook) before the next call.
            Thread.sleep(forTimeInterval: 1)
            releaseLine(lineNumber)
        }
        guard let line = card.exchangeLine(on: lineNumber), let probe = watch.probes[lineNumber] else {
            return connection.send(.error("line \(lineNumber) has no simulated exchange end"))
        }
        probe.reset()
        _ = watch.takeEnded(line: lineNumber)
        line.clearHeard()
        _ = line.takeEvents()
        let ringingAt = now
        line.ring(callerIDAudio: ExchangeCallerID.audio(caller, name: request.name, dateTime: CallService.localDateTimeStamp() ?? "01010000",
                                                        signalling: configuration.callerIDSignalling[lineNumber] ?? .auto,
                                                        zoneStandard: configuration.callerIDStandard))
        logger.info("control: ringing line \(lineNumber) from '\(caller)'")
        connection.send(ControlEvent(event: "ringing", text: "ringing line \(lineNumber) from \(caller.isEmpty ? "(withheld)" : caller)",
                                     line: lineNumber, number: caller, name: request.name))

        var answeredAt: Duration?
        var hungUpAt: Duration?
        var printed = 0
        var record: Call?
        func hangUp() {
            guard hungUpAt == nil else { return }
            hungUpAt = now
            if line.isAnswered { line.disconnect(by: .loopCurrentDrop()) } else { line.stopRinging() }
        }
        while record == nil {
            if let hungUpAt, now - hungUpAt > Self.recordWait { break }
            if isStopping { hangUp() }
            guard let requests = connection.receive(timeoutMS: 20) else {
                if hungUpAt == nil { logger.notice("control: the caller on line \(lineNumber) went away; hanging up") }
                hangUp()
                Thread.sleep(forTimeInterval: 0.02)
                record = watch.takeEnded(line: lineNumber).last
                continue
            }
            for text in requests {
                handleDuringCall(text, line: line, answered: answeredAt != nil, hungUp: hungUpAt != nil, hangUp: hangUp, on: &connection)
            }
            let time = now
            if answeredAt == nil && line.isAnswered {
                answeredAt = time
                connection.send(ControlEvent(event: "answered", text: "answered after \(SimulatedCallResult.seconds(time - ringingAt)) s", line: lineNumber))
            }
            let snapshot = probe.snapshot
            for entry in snapshot.transcript.entries.dropFirst(printed) {
                connection.send(ControlEvent(event: "entry", text: entry.description, line: lineNumber))
            }
            printed = snapshot.transcript.entries.count
            if hungUpAt == nil, answeredAt != nil, var caller = scripted {
                switch caller.next(seeing: snapshot, isSending: line.isSending, at: time) {
                case .press(let keys)?: try? line.press(keys)
                case .speak(let duration)?: line.send(samples: CallerAudio.speech(milliseconds: SimulatedCallResult.milliseconds(duration)))
                case .hangUp?: hangUp()
                case nil: break
                }
                scripted = caller
            }
            if hungUpAt == nil && answeredAt == nil && time - ringingAt > Self.ringLimit { hangUp() }
            if hungUpAt == nil && time - ringingAt > configuration.callLimit { hangUp() }
            record = watch.takeEnded(line: lineNumber).last
        }
        if line.isAnswered { hangUp() }
        Thread.sleep(forTimeInterval: 0.1)   // a recording cut short by the hang-up is written
        let snapshot = probe.snapshot
        for entry in snapshot.transcript.entries.dropFirst(printed) {
            connection.send(ControlEvent(event: "entry", text: entry.description, line: lineNumber))
        }
        let result = SimulatedCallResult(caller: caller, ringingAt: ringingAt, answeredAt: answeredAt, transcript: snapshot.transcript,
                                         recordings: snapshot.recordings, record: record, keysLeft: scripted?.keysLeft ?? [])
        let ok = answeredAt != nil && record != nil
        logger.info("control: call on line \(lineNumber) over: \(result.outcome)")
        connection.send(ControlEvent(event: "ended", text: result.footer, line: lineNumber, result: result.json, ok: ok))
    }

    /// One request while a call is up: `press` keys (once answered) or `hangup`.
    private func handleDuringCall(_ text: String, line: VirtualExchangeLine, answered: Bool, hungUp: Bool,
                                  hangUp: () -> Void, on connection: inout ControlConnection) {
        switch ControlRequest.parse(text) {
        case .failure(let error):
            connection.send(.error(error.message))
        case .success(let request):
            switch request.operation! {
            case .press:
                let keys = (request.keys ?? request.digits ?? "").uppercased()
                guard !keys.isEmpty, keys.allSatisfy({ "0123456789*#ABCD".contains($0) }) else {
                    return connection.send(.error("press: keys 0-9 * # A-D"))
                }
                guard answered, !hungUp else { return connection.send(.error("press: the call is not answered")) }
                try? line.press(keys)
            case .hangup:
                hangUp()
            case .call, .phone, .dial, .lift, .status:
                connection.send(.error("'\(request.op)' during a call: only press and hangup"))
            }
        }
    }
}
