// swift-tools-version:6.1
import PackageDescription

// Module map: see README.md and ../shared/DESIGN.md.
//   TelephonyCore     protocols + value types (spans, channels, line events, frames); no I/O
//   TelephonyDSP      pure-Swift DSP: G.711, DTMF, tones, call progress, fax tones, caller ID
//   SimulatedCard     a software card implementing the port protocol (the default backend)
//   HardwareConfig    DAHDI system.conf + offhook.conf parsers, located diagnostics
//   ChannelConformance  the conformance suite every backend must pass (SimulatedCard, DAHDI)
//   CDAHDI / DAHDI    the real-kernel backend (ioctl shim + Swift driver)
//   CALSA / Console   the computer's sound card through ALSA as one channel, with its own 20 ms clock
//   CToneZone / ToneZones   libtonezone's tables as TelephonyDSP tone specs
//   CLibPRI / PRI     libpri on one owner thread; Sendable events out
//   Signalling        sans-I/O FXS and FXO port state machines (time in, actions out)
//   IVRScript         the IVR script language: lexer, parser, checker, diagnostics
//   Loopback          the loopback harness: measured checks across ports wired back to back
//   IVRRuntime        the per-call interpreter: a sans-I/O state machine (events in, actions out)
//   IVRSimulator      a caller on a simulated card walking a script with real DTMF audio (`offhook simulate`, tests)
//   ACD               sans-I/O queues and agents (FXS phones): strategies, feature codes, overflow
//   CSQLite / CDR     call detail records and queue events in SQLite; reports; a non-blocking writer
//   offhook           the one executable
let package = Package(
    name: "Offhook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "offhook", targets: ["offhook"]),
        .library(name: "TelephonyCore", targets: ["TelephonyCore"]),
        .library(name: "TelephonyDSP", targets: ["TelephonyDSP"]),
        .library(name: "SimulatedCard", targets: ["SimulatedCard"]),
        .library(name: "ChannelConformance", targets: ["ChannelConformance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // Core and DSP: no dependencies at all.
        .target(name: "TelephonyCore"),
        .target(name: "TelephonyDSP"),
        .target(name: "DSPTestSupport", dependencies: ["TelephonyDSP"]),

        // Backends.
        .target(name: "SimulatedCard", dependencies: ["TelephonyCore", "TelephonyDSP"]),
        .target(name: "ChannelConformance", dependencies: ["TelephonyCore", "TelephonyDSP"]),
        .target(name: "HardwareConfig", dependencies: ["TelephonyCore", "ACD"]),
        .target(name: "Media", dependencies: ["TelephonyCore", "TelephonyDSP"]),
        .target(name: "ACDService", dependencies: [
            "ACD", "CallEngine", "Media", .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "IVRService", dependencies: [
            "IVRScript", "IVRRuntime", "CallEngine", "Media", "AudioFiles", .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "IVRSimulator", dependencies: [
            "IVRService", "IVRRuntime", "IVRScript", "CallEngine", "Media", "Signalling", "SimulatedCard", "TelephonyCore",
            "TelephonyDSP", "ToneZones", "ACD", "ACDService", .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "CallEngine", dependencies: [
            "TelephonyCore", "TelephonyDSP", "Media", "Signalling", "AudioFiles", "PRI", .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "CDAHDI"),
        .target(name: "DAHDI", dependencies: ["CDAHDI", "TelephonyCore"]),

        // C libraries (system-library targets; Debian's -dev packages, see scripts/deps.sh).
        .systemLibrary(name: "CToneZone", providers: [.apt(["libtonezone-dev", "dahdi-source"])]),
        .systemLibrary(name: "CLibPRI", providers: [.apt(["libpri-dev"])]),
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CSoxr", pkgConfig: "soxr", providers: [.apt(["libsoxr-dev"])]),
        .target(name: "AudioFiles", dependencies: ["CSndFile", "CSoxr"]),
        .systemLibrary(name: "CALSA", pkgConfig: "alsa", providers: [.apt(["libasound2-dev"])]),
        .target(name: "CALSAShim", dependencies: ["CALSA"]),
        .target(name: "Console", dependencies: ["CALSA", "CALSAShim", "TelephonyCore"]),
        .target(name: "ToneZones", dependencies: ["CToneZone", "TelephonyDSP"]),
        .target(name: "PRI", dependencies: ["CLibPRI", "TelephonyCore"], exclude: ["README.md"]),
        .target(name: "Signalling", dependencies: ["TelephonyCore", "TelephonyDSP"], exclude: ["README.md"]),
        .target(name: "Loopback", dependencies: ["TelephonyCore", "TelephonyDSP", "PRI", "ChannelConformance"]),

        // IVR.
        .target(name: "IVRScript", exclude: ["README.md"]),
        .target(name: "IVRRuntime", dependencies: ["IVRScript"]),

        // ACD and call records.
        .target(name: "ACD", dependencies: ["TelephonyCore", .product(name: "Logging", package: "swift-log")], exclude: ["README.md"]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "CDR", dependencies: ["ACD", "CSQLite", .product(name: "Logging", package: "swift-log")], exclude: ["README.md"]),

        // The executable.
        .executableTarget(
            name: "offhook",
            dependencies: [
                "TelephonyCore", "TelephonyDSP", "SimulatedCard", "HardwareConfig", "DAHDI",
                "ToneZones", "ChannelConformance", "IVRScript", "PRI", "Loopback",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                "CallEngine", "IVRService", "Media", "Signalling", "ACD", "ACDService",
                "CDR", "IVRSimulator",
            ],
            exclude: ["Control/README.md"]
        ),

        // Tests: one target per module.
        .testTarget(name: "TelephonyCoreTests", dependencies: ["TelephonyCore"]),
        .testTarget(name: "TelephonyDSPTests", dependencies: ["TelephonyDSP", "DSPTestSupport"]),
        .testTarget(name: "SimulatedCardTests", dependencies: ["SimulatedCard", "ChannelConformance", "TelephonyDSP"]),
        .testTarget(name: "AudioFilesTests", dependencies: ["AudioFiles"]),
        .testTarget(name: "CallEngineTests", dependencies: ["CallEngine", "SimulatedCard", "Media", "Signalling", "TelephonyDSP", "ToneZones", "AudioFiles", "PRI"]),
        .testTarget(name: "ACDServiceTests", dependencies: ["ACDService", "ACD", "CallEngine", "SimulatedCard", "Media", "ToneZones", "Signalling", "TelephonyDSP"]),
        .testTarget(name: "MediaTests", dependencies: ["Media", "SimulatedCard"]),
        .testTarget(name: "HardwareConfigTests", dependencies: ["HardwareConfig", "TelephonyCore", "ACD"]),
        .testTarget(name: "ToneZonesTests", dependencies: ["ToneZones"]),
        .testTarget(name: "LoopbackTests", dependencies: ["Loopback", "SimulatedCard", "TelephonyCore", "PRI"]),
        .testTarget(name: "PRITests", dependencies: ["PRI", "SimulatedCard", "TelephonyCore"]),
        .testTarget(name: "SignallingTests", dependencies: ["Signalling", "TelephonyCore", "SimulatedCard"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "TelephonyCore"]),
        .testTarget(name: "DAHDITests", dependencies: ["DAHDI", "CDAHDI", "TelephonyCore"]),
        .testTarget(name: "ACDTests", dependencies: ["ACD", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "CDRTests", dependencies: ["CDR", "ACD", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "IVRScriptTests", dependencies: ["IVRScript"], exclude: ["Fixtures"]),
        .testTarget(name: "IVRRuntimeTests", dependencies: ["IVRRuntime", "IVRScript"]),
        .testTarget(name: "IVRSimulatorTests", dependencies: ["IVRSimulator", "IVRService", "IVRRuntime", "IVRScript", "AudioFiles", "CallEngine", "TelephonyDSP"]),
        .testTarget(name: "OffhookCLITests", dependencies: ["offhook", "DSPTestSupport", "CDR",
                                                       "ACD", "ACDService", "CallEngine", "Media", "SimulatedCard", "ToneZones", "IVRService", "IVRScript",
                                                       "HardwareConfig", "Signalling", "TelephonyDSP"]),
    ]
)
