import Foundation

/// Where the DSP corpus kit lives: `$OFFHOOK_SHARED/dsp-corpus`, else `../shared/dsp-corpus`
/// beside the repository (as the Makefile's `SHARED ?= ../shared`).
enum SharedCorpus {
    static let root: URL = {
        if let shared = ProcessInfo.processInfo.environment["OFFHOOK_SHARED"] {
            return URL(fileURLWithPath: shared).appendingPathComponent("dsp-corpus")
        }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repo.deletingLastPathComponent().appendingPathComponent("shared/dsp-corpus")
    }()

    static var g711: URL { root.appendingPathComponent("corpus/g711") }

    static var hasG711Tables: Bool {
        FileManager.default.fileExists(atPath: g711.appendingPathComponent("s16_to_ulaw.u8").path)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: g711.appendingPathComponent(name)))
    }

    static func int16s(_ name: String) throws -> [Int16] {
        let b = try bytes(name)
        return stride(from: 0, to: b.count, by: 2).map { Int16(bitPattern: UInt16(b[$0]) | UInt16(b[$0 + 1]) << 8) }
    }
}
