#if canImport(Glibc)
import Glibc
#endif
import CDAHDI

// errno values the driver branches on, named once.
let EINTRValue: Int32 = EINTR
let EAGAINValue: Int32 = EAGAIN
let EBUSYValue: Int32 = EBUSY
let ENOTTYValue: Int32 = ENOTTY
let ENOSYSValue: Int32 = ENOSYS
let EINPROGRESSValue: Int32 = EINPROGRESS
/// DAHDI's `ELAST` (500): `read`/`write` refused because an event is waiting.
let ELASTValue: Int32 = CDAHDI_ELAST

/// The errno's symbolic text, e.g. "No such device or address"; DAHDI's ELAST gets its own name.
func errnoName(_ code: Int32) -> String {
    if code == ELASTValue { return "ELAST: event pending" }
    guard let text = strerror(code) else { return "errno \(code)" }
    return String(cString: text)
}
