import AudioFiles
import Media

extension CallEngine {
    /// The recording id the engine uses for whole-call recordings (scripts use small positive ids).
    static let callRecordingID = -2

    /// Records the whole conversation on `call` (both directions, mixed) to a WAV file at
    /// `path`, until the call ends or `maximum` passes. The file is written when the recording
    /// ends, and its path goes into the call's record.
    public func recordCall(_ call: CallID, to path: String, maximum: Duration = .seconds(3600)) {
        guard let line = lines.firstIndex(where: { $0.call?.id == call }) else { return }
        lines[line].recordingPath = path
        lines[line].call?.recording = path
        lines[line].leg.record(id: Self.callRecordingID, maximum: maximum, bothWays: true)
    }

    /// Writes a finished whole-call recording.
    func writeCallRecording(_ samples: [Int16], line index: Int) {
        guard let path = lines[index].recordingPath else { return }
        lines[index].recordingPath = nil
        do {
            try WAVWriter.write(samples, to: path)
            logger.info("\(lines[index].channel.info.name): call recorded to \(path) (\(samples.count / 8000) s)")
        } catch {
            logger.error("\(lines[index].channel.info.name): recording \(error)")
        }
    }
}
