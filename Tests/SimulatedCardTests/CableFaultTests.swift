import SimulatedCard
import TelephonyCore
import Testing

/// A cable's modelled loss: 0 dB is bit-exact, a loss scales the linear samples.
@Suite struct CableFaultTests {
    private func carry(_ card: SimulatedCard, from: Int, to: Int, _ bytes: [UInt8]) throws -> [UInt8] {
        let source = try card.openChannel(from), sink = try card.openChannel(to)
        if sink.info.portKind == .fxo { try sink.setHook(.offHook) }
        if source.info.portKind == .fxo { try source.setHook(.offHook) }
        card.advance(frames: 3)
        var buffer = [UInt8](repeating: 0, count: 320)
        while case .bytes = try buffer.withUnsafeMutableBytes({ try sink.read(into: $0) }) {}
        _ = try bytes.withUnsafeBytes { try source.write($0) }
        card.advance(frames: 1)
        var got: ChannelIO = .wouldBlock
        while true {
            got = try buffer.withUnsafeMutableBytes { try sink.read(into: $0) }
            if got != .eventPending { break }
            _ = try sink.drainEvents()
        }
        #expect(got == .bytes(160))
        return Array(buffer[0..<160])
    }

    @Test func zeroDecibelCableIsBitExact() throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 1, fxoPorts: 1))
        try card.cable(fxsPort: 1, fxoPort: 2, lossDB: 0)
        let bytes = (0..<160).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }
        #expect(try carry(card, from: 1, to: 2, bytes) == bytes)
    }

    @Test func lossScalesTheSignal() throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 1, fxoPorts: 1))
        try card.cable(fxsPort: 1, fxoPort: 2, lossDB: 6.0206)   // half the amplitude
        let fxs = try card.openChannel(1), fxo = try card.openChannel(2)
        try fxs.setAudioFormat(.linear16)
        try fxo.setAudioFormat(.linear16)
        try fxo.setHook(.offHook)
        card.advance(frames: 3)
        var scratch = [Int16](repeating: 0, count: 160)
        while true {
            let r = try scratch.withUnsafeMutableBufferPointer { try fxo.readSamples(into: $0) }
            if r == .wouldBlock { break }
            if r == .eventPending { _ = try fxo.drainEvents() }
        }
        let sent = [Int16](repeating: 8000, count: 160)
        _ = try sent.withUnsafeBufferPointer { try fxs.writeSamples($0) }
        card.advance(frames: 1)
        _ = try scratch.withUnsafeMutableBufferPointer { try fxo.readSamples(into: $0) }
        #expect(scratch.allSatisfy { abs(Int($0) - 4000) < 130 }, "got \(scratch[0])")
    }

    @Test func negativeLossIsRefused() {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 1, fxoPorts: 1))
        #expect(throws: ChannelError.self) { try card.cable(fxsPort: 1, fxoPort: 2, lossDB: -3) }
    }
}
