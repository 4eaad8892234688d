import Foundation

/// Runs the built `offhook` binary (it sits next to the test bundle) and captures its output.
struct OffhookProcess {
    static let root = String(#filePath[..<#filePath.firstRange(of: "/Tests/")!.lowerBound])

    static var binary: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // Inside an .xctest bundle the executable is one folder deeper on some layouts.
        if dir.lastPathComponent.hasSuffix(".xctest") { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("offhook").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `offhook` with `arguments` from the package root; sends SIGINT after `interruptAfter`.
    static func run(_ arguments: [String], interruptAfter: Duration? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let interruptAfter {
            let ms = interruptAfter.components.seconds * 1000 + interruptAfter.components.attoseconds / 1_000_000_000_000_000
            usleep(useconds_t(ms * 1000))
            process.interrupt()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
