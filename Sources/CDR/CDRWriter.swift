import Logging

/// Takes call records and queue events from the call path and writes them to a store on its
/// own task, so that a call never waits for the disk.
///
/// ``record(_:)`` and ``record(_:)-(QueueEvent)`` only yield to an unbounded `AsyncStream`
/// (no lock held while writing, no suspension); ``run(store:)`` drains the stream into the
/// store until ``finish()`` is called and everything queued before it is written.
///
/// ```swift
/// let writer = CDRWriter(logger: logger)
/// async let drained: Void = writer.run(store: try SQLiteCallRecordStore(path: "offhook.db"))
/// writer.record(callRecord)      // from anywhere, any thread
/// writer.finish(); try await drained
/// ```
public struct CDRWriter: Sendable {
    /// One item to write.
    public enum Entry: Sendable, Hashable {
        case call(CallDetailRecord)
        case event(QueueEvent)
    }

    private let stream: AsyncStream<Entry>
    private let continuation: AsyncStream<Entry>.Continuation
    private let logger: Logger

    /// Creates a writer; nothing is written until ``run(store:)`` runs.
    public init(logger: Logger) {
        (stream, continuation) = AsyncStream.makeStream(of: Entry.self, bufferingPolicy: .unbounded)
        self.logger = logger
    }

    /// Queues a call record. Never blocks; ignored after ``finish()``.
    public func record(_ call: CallDetailRecord) { continuation.yield(.call(call)) }

    /// Queues a queue event. Never blocks; ignored after ``finish()``.
    public func record(_ event: QueueEvent) { continuation.yield(.event(event)) }

    /// Ends the stream: ``run(store:)`` returns once everything queued so far is written.
    public func finish() { continuation.finish() }

    /// Writes every entry to `store` as it arrives, until ``finish()``. A failed insert is
    /// logged at `error` and the writer goes on with the next entry (a record lost is better
    /// than a writer stopped).
    ///
    /// Call once: the stream has one reader.
    ///
    /// - Returns: how many entries were written.
    @discardableResult
    public func run(store: some CallRecordStore) async -> Int {
        var written = 0
        for await entry in stream {
            do {
                switch entry {
                case .call(let record): try store.insert(record)
                case .event(let event): try store.insert(event)
                }
                written += 1
            } catch {
                logger.error("call record not written", metadata: ["error": "\(error)"])
            }
        }
        return written
    }
}
