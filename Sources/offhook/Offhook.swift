import ArgumentParser

/// The `offhook` command: the daemon and its tools.
@main
struct Offhook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A telephony-card driver and IVR runtime for analog and E1 boards.",
        subcommands: [
            Run.self,
            Channels.self,
            Check.self,
            LoopbackCommand.self,
            SelfTestCommand.self,
            PRILoopCommand.self,
            DSPCommand.self,
            Report.self,
            Queues.self,
            Simulate.self,
            CallCommand.self,
            PhoneCommand.self,
        ]
    )
}
