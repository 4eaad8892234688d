#if canImport(Glibc)
import Glibc
#endif
@testable import DAHDI
import Testing

@Suite("DAHDIPoller over pipes")
struct PollerTests {
    /// Two pipes: (read end, write end) each.
    static func pipes() throws -> [(Int32, Int32)] {
        try (0..<2).map { _ in
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            return (ends[0], ends[1])
        }
    }

    @Test func reportsWhichDescriptorIsReadable() throws {
        let pipes = try Self.pipes()
        defer { for (r, w) in pipes { close(r); close(w) } }
        let poller = DAHDIPoller(descriptors: pipes.map(\.0), channels: [], interest: [.readable, .event])
        #expect(try poller.wait(timeout: .milliseconds(10)) == 0)          // nothing yet: times out
        var byte: UInt8 = 7
        #expect(write(pipes[1].1, &byte, 1) == 1)
        #expect(try poller.wait(timeout: .seconds(1)) == 1)
        #expect(poller.readiness(at: 0).isEmpty)
        #expect(poller.readiness(at: 1) == .readable)
    }

    @Test func writableInterestCanBeSwitchedOff() throws {
        let pipes = try Self.pipes()
        defer { for (r, w) in pipes { close(r); close(w) } }
        let poller = DAHDIPoller(descriptors: pipes.map(\.1), channels: [], interest: [.writable])
        #expect(try poller.wait(timeout: .seconds(1)) == 2)
        #expect(poller.indices.allSatisfy { poller.readiness(at: $0) == .writable })
        poller.setInterest([.readable], at: 0)
        #expect(try poller.wait(timeout: .seconds(1)) == 1)
        #expect(poller.readiness(at: 0).isEmpty)
    }

    @Test func closedPeerIsReportedAsFailed() throws {
        let pipes = try Self.pipes()
        defer { close(pipes[0].0); close(pipes[1].0); close(pipes[1].1) }
        close(pipes[0].1)
        let poller = DAHDIPoller(descriptors: [pipes[0].0], channels: [], interest: [.readable])
        #expect(try poller.wait(timeout: .seconds(1)) == 1)
        #expect(poller.readiness(at: 0).contains(.failed))
    }
}
