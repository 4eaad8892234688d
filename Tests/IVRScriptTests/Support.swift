import IVRScript

/// Parses and checks `text` as a script called `test.ivr`, with no prompt or table files.
func diagnose(_ text: String, prompts: PromptCatalog? = nil) -> [Diagnostic] {
    let file = SourceFile(path: "test.ivr", text: text)
    let (script, parsed) = Parser().parse(file)
    return parsed + Checker().check(script, environment: CheckEnvironment(prompts: prompts))
}

/// The IDs of the diagnostics for `text`, in order.
func ids(_ text: String) -> [String] {
    diagnose(text).map(\.id)
}

/// The folder holding this test target's fixture files.
let fixtures: String = {
    let file = #filePath
    return String(file[..<file.lastIndex(of: "/")!]) + "/Fixtures"
}()
