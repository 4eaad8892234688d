/// Which ALSA PCM the console plays to or records from.
public enum ConsoleDevice: Sendable, Hashable, CustomStringConvertible {
    /// A PCM by name, e.g. `default`, `hw:0,0`, `null`, or `file:'/tmp/out.raw',raw`.
    case named(String)
    /// A PCM `name` defined by ALSA configuration text, e.g. a `file` plugin that reads `infile`.
    case configuration(String, pcm: String)

    public var description: String {
        switch self {
        case .named(let name): name
        case .configuration(_, let pcm): pcm
        }
    }
}
