import IVRScript

/// Something the call's owner must do for the script: play, time, record, route.
public enum IVRAction: Sendable, Hashable {
    /// Plays the files one after another, then reports `promptFinished(id)`. With `bargeIn`,
    /// a key press may cut it short (the runtime then sends `stopPlayback`).
    case play([PromptFile], bargeIn: Bool, id: PlaybackID)
    /// Stops the playback `id` at once (no `promptFinished` is needed for it).
    case stopPlayback(PlaybackID)
    /// Reports `timerFired(id)` after `delay`.
    case startTimer(TimerID, after: Duration)
    /// The timer `id` is no longer wanted.
    case cancelTimer(TimerID)
    /// Keys are wanted from now on: at most `maximum`, ended early by `endKey`. (The runtime
    /// does its own timing; this lets the owner flush stale keys or arm the detector.)
    case collectDigits(maximum: Int, endKey: Character?)
    /// Records the caller into a new file for at most `maximum`; `endKey` ends it early.
    case record(RecordingID, maximum: Duration, endKey: Character?)
    /// Puts the caller in the queue `name`; report `queueResult` when something happens.
    case queue(name: String, maximumWait: Duration?, callerID: String)
    /// Hands the call to another number; the script is finished with it.
    case transfer(TransferKind, number: String)
    /// Looks `key` up in the table `table` (one the runtime was not given); report `lookupResult`.
    case lookup(table: String, key: String)
    /// Hands the call to the fax receiver; the script is finished with it.
    case receiveFax
    /// Hangs up; the script is finished.
    case hangup(EndReason)
    /// Adds a field to the call record.
    case log(field: String, value: String)
}

/// One prompt recording in one language; `path` is relative to the prompt folder.
public struct PromptFile: Sendable, Hashable, CustomStringConvertible {
    public var language: String
    public var name: String

    public init(language: String, name: String) {
        self.language = language
        self.name = name
    }

    /// `LANG/NAME`, without an extension: the owner picks the audio format found.
    public var path: String { "\(language)/\(name)" }
    public var description: String { path }
}

/// Why a call's script finished.
public enum EndReason: String, Sendable, Hashable {
    /// The script said `hangup`.
    case hangup
    /// The caller hung up.
    case callerHungUp = "caller-hung-up"
    /// The script transferred the call.
    case transferred
    /// The call went to an agent, who finished with it.
    case agent
    /// The call went to the fax receiver.
    case fax
    /// The menu asked too many times without an answer and the script gave no way out.
    case retriesExhausted = "retries-exhausted"
    /// The script ran off the end of a step (a script that passed `offhook check` cannot).
    case deadEnd = "dead-end"
    /// The script named something that does not exist (a script that passed the checker cannot).
    case scriptError = "script-error"
}
