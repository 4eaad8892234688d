import Foundation
import SimulatedCard
import TelephonyCore
import TelephonyDSP

extension ControlServer {
    /// Runs an agent's phone for a client: reports `ringing` (with the `callerID` the phone
    /// decoded from the FSK the port sends between rings), `stoppedRinging`, `lifted`, `hungUp`,
    /// `farEndHungUp`; lifts on `lift` (or by itself `answerAfter` seconds into the ringing),
    /// dials `digits` as DTMF audio on `dial`, and hangs up on `hangup` or when the client goes
    /// away. The automatic agent on the port (``DeskAgents``) leaves it alone meanwhile.
    func runPhone(_ request: ControlRequest, on connection: inout ControlConnection) {
        guard let port = request.port, configuration.phones.contains(port), let phone = card.phone(on: port) else {
            let phones = configuration.phones.map(String.init).joined(separator: ", ")
            return connection.send(.error("phone: 'port' must be an agent's phone (FXS port): \(phones)"))
        }
        if let after = request.answerAfter, !(0...600).contains(after) {
            return connection.send(.error("answerAfter: between 0 and 600 seconds"))
        }
        guard claimPhone(port) else { return connection.send(.error("the phone on port \(port) is taken by another client")) }
        defer {
            phone.hangUp()
            releasePhone(port)
        }
        logger.info("control: a client took the phone on port \(port)")
        connection.send(ControlEvent(event: "phone", text: "phone on port \(port): \(phone.isOffHook ? "off hook" : "on hook")", port: port))
        var receiver = FSKCallerIDReceiver(standard: configuration.callerIDStandard)
        var rungSince: Duration?
        var lastRung: Duration?
        var wasOffHook = phone.isOffHook
        let silence = [Int16](repeating: 0, count: 160)
        _ = phone.takeHeardMuLaw()
        _ = phone.takeEvents()
        while !isStopping {
            guard let requests = connection.receive(timeoutMS: 20) else {
                logger.info("control: the client of the phone on port \(port) went away; hanging up")
                return
            }
            for text in requests {
                if handleDuringPhone(text, phone: phone, on: &connection) == .release {
                    connection.send(ControlEvent(event: "released", text: "phone on port \(port) released", port: port))
                    return
                }
            }
            let time = now
            // The phone rings in bursts; between them it is still being rung.
            if phone.isBeingRung && !phone.isOffHook {
                if rungSince == nil {
                    rungSince = time
                    connection.send(ControlEvent(event: "ringing", text: "ringing", port: port))
                }
                lastRung = time
            } else if rungSince != nil, phone.isOffHook || (lastRung.map { time - $0 > .seconds(6) } ?? true) {
                if !phone.isOffHook { connection.send(ControlEvent(event: "stoppedRinging", text: "stopped ringing", port: port)) }
                rungSince = nil
            }
            // Caller ID: the FSK the port sends between the rings, heard on hook. The phone
            // records nothing while the line is idle, so silence stands in for it (the receiver
            // completes a message when the carrier stops).
            var heard = G711.decode(phone.takeHeardMuLaw(), law: .muLaw)
            if heard.isEmpty { heard = silence }
            if rungSince != nil, let message = heard.withUnsafeBufferPointer({ receiver.process($0) }) {
                connection.send(ControlEvent(event: "callerID", text: "caller ID: \(message)", port: port,
                                             number: message.number, name: message.name))
            }
            if let rungSince, let after = request.answerAfter, time - rungSince >= .milliseconds(Int(after * 1000)), !phone.isOffHook {
                phone.lift()
            }
            for event in phone.takeEvents() where event == .loopCurrentDrop || event == .polarityReversal {
                if phone.isOffHook { connection.send(ControlEvent(event: "farEndHungUp", text: "the far end hung up (\(event))", port: port)) }
            }
            if phone.isOffHook != wasOffHook {
                wasOffHook = phone.isOffHook
                connection.send(ControlEvent(event: wasOffHook ? "lifted" : "hungUp", text: wasOffHook ? "off hook" : "on hook", port: port))
                if wasOffHook { receiver = FSKCallerIDReceiver(standard: configuration.callerIDStandard) }
            }
        }
    }

    private enum PhoneStep { case goOn, release }

    /// One request on a phone: `lift`, `dial`/`press` digits (off hook), `hangup`.
    private func handleDuringPhone(_ text: String, phone: VirtualPhone, on connection: inout ControlConnection) -> PhoneStep {
        switch ControlRequest.parse(text) {
        case .failure(let error):
            connection.send(.error(error.message))
        case .success(let request):
            switch request.operation! {
            case .lift:
                phone.lift()
            case .hangup:
                phone.hangUp()
            case .dial, .press:
                let digits = (request.digits ?? request.keys ?? "").uppercased()
                guard !digits.isEmpty, digits.allSatisfy({ "0123456789*#ABCD".contains($0) }) else {
                    connection.send(.error("dial: digits 0-9 * # A-D"))
                    break
                }
                guard phone.isOffHook else {
                    connection.send(.error("dial: lift the handset first"))
                    break
                }
                try? phone.dial(digits)
            case .phone:
                return .release
            case .call, .status:
                connection.send(.error("'\(request.op)' on a phone: only lift, dial, hangup (or phone to let it go)"))
            }
        }
        return .goOn
    }
}
