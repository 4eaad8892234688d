import ArgumentParser

/// `offhook dsp …`: the DSP tools (score against the corpus kit, decode a recording).
struct DSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dsp",
        abstract: "Run the DTMF, fax-tone, call-progress and caller-ID detectors over recordings.",
        subcommands: [DSPDetectCommand.self, DSPDecodeCommand.self, DSPBenchCommand.self]
    )
}
