/// Prints one `PASS:`/`FAIL:` line per check and counts the failures.
///
/// Used by `offhook selftest`; `make vm-test` collects the lines from the VM's console.
final class SelfTestReport {
    private(set) var passed = 0
    private(set) var failed = 0
    /// A prefix naming the backend, e.g. `dahdi`.
    let scope: String

    init(scope: String) { self.scope = scope }

    /// Records a check; prints `detail` indented above the verdict when given.
    func check(_ name: String, _ ok: Bool, detail: String = "") {
        if !detail.isEmpty {
            for line in detail.split(separator: "\n", omittingEmptySubsequences: false) { print("    \(line)") }
        }
        print("\(ok ? "PASS" : "FAIL"): \(scope): \(name)")
        if ok { passed += 1 } else { failed += 1 }
    }

    /// Runs `body`; a thrown error fails the check with the error's text.
    func check(_ name: String, _ body: () throws -> (ok: Bool, detail: String)) {
        do {
            let (ok, detail) = try body()
            check(name, ok, detail: detail)
        } catch {
            check(name, false, detail: "error: \(error)")
        }
    }

    var summary: String { "\(scope): \(passed) passed, \(failed) failed" }
}
