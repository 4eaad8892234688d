#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TelephonyCore
import TelephonyDSP

/// A fault on an analog cable between an FXS port and an FXO port: line loss and hybrid echo,
/// so the loopback harness can be shown a bad bench and has to report it.
///
/// Both are applied in the linear domain: each direction's samples are decoded from the sending
/// port's G.711 law, scaled, summed with the echo of the receiving port's own transmission, and
/// encoded in the receiving port's law. A cable with no fault is not touched at all, so it stays
/// bit-exact.
struct CableFault: Sendable, Hashable {
    /// The linear factor of the line loss (1 for 0 dB).
    var lossFactor: Double
    /// The linear factor of each port's hybrid echo (0 for none).
    var echoFactor: Double

    init(lossDB: Double, echoReturnLossDB: Double?) {
        lossFactor = pow(10, -lossDB / 20)
        echoFactor = echoReturnLossDB.map { pow(10, -$0 / 20) } ?? 0
    }

    /// Whether the cable changes the audio at all.
    var isNone: Bool { lossFactor == 1 && echoFactor == 0 }

    /// Mixes one sample for a receiving port: the far end's sample through the line, plus the
    /// echo of what the port itself sent.
    func mix(far: Int16, own: Int16) -> Int16 {
        let value = (Double(far) * lossFactor + Double(own) * echoFactor).rounded()
        return Int16(max(-32768, min(32767, value)))
    }
}

extension CardState {
    /// Moves one frame each way across a faulty cable between two ports (FXS port at the
    /// exchange end, FXO port at the phone end); `forward` carries FXS→FXO (battery applied),
    /// `backward` FXO→FXS (loop up). Echo returns only while the loop is up.
    mutating func moveFaultyAudio(fxs: Int, fxo: Int, fault: CableFault, forward: Bool, backward: Bool, card: SimulatedCard) {
        guard let fxsEnd = card.endpoints[fxs], let fxoEnd = card.endpoints[fxo] else { return }
        scratch.withUnsafeMutableBytes { a in
            faultScratch.withUnsafeMutableBytes { b in
                // What each port sent this frame (idle when nothing, or when the path is down).
                if !fxsEnd.tx.pop(into: a) || !forward { a.initializeMemory(as: UInt8.self, repeating: fxsEnd.idleByte) }
                if !fxoEnd.tx.pop(into: b) || !backward { b.initializeMemory(as: UInt8.self, repeating: fxoEnd.idleByte) }
                let fxsLaw: G711.Law = fxsEnd.wireLaw == .aLaw ? .aLaw : .muLaw
                let fxoLaw: G711.Law = fxoEnd.wireLaw == .aLaw ? .aLaw : .muLaw
                for i in 0..<AudioFrame.samples {
                    let fromFXS = G711.decode(a[i], law: fxsLaw)
                    let fromFXO = G711.decode(b[i], law: fxoLaw)
                    let toFXO = forward ? fault.mix(far: fromFXS, own: backward ? fromFXO : 0) : 0
                    let toFXS = backward ? fault.mix(far: fromFXO, own: fromFXS) : 0
                    a[i] = G711.encode(toFXO, law: fxoLaw)
                    b[i] = G711.encode(toFXS, law: fxsLaw)
                }
                if ports[fxo]?.isOpen == true { _ = fxoEnd.rx.push(UnsafeRawBufferPointer(a)) }
                if ports[fxs]?.isOpen == true { _ = fxsEnd.rx.push(UnsafeRawBufferPointer(b)) }
            }
        }
    }
}
