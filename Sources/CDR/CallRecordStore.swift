/// Where call records and queue events go, and where reports come from.
///
/// Implementations are owned by one task at a time (``CDRWriter/run(store:)`` holds the
/// writing one); they need not be `Sendable`. ``SQLiteCallRecordStore`` is the default; a
/// PostgreSQL store for several servers would conform too, and must give the same figures
/// as the SQLite store for `CallRecordStoreTests`' records.
public protocol CallRecordStore {
    /// Stores one call's record.
    func insert(_ record: CallDetailRecord) throws(CDRError)
    /// Stores one queue event.
    func insert(_ event: QueueEvent) throws(CDRError)
    /// Computes service level, speed of answer, abandon rate and handle time, in total, per
    /// agent and per hour, for the period and queue of `query`.
    func report(_ query: ReportQuery) throws(CDRError) -> QueueReport
}
