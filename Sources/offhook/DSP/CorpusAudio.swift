import Foundation
import TelephonyDSP

/// The DSP corpus kit's files, read through its `files.tsv`.
struct CorpusAudio {
    /// Corpus-relative names (no extension), in `files.tsv` order.
    var files: [String]
    let directory: String

    init(directory: String) throws {
        self.directory = directory
        let list: String
        do {
            list = try String(contentsOfFile: directory + "/files.tsv", encoding: .utf8)
        } catch {
            throw AudioInput.Failure(description: "\(directory)/files.tsv: cannot read it (is --corpus the kit's corpus directory?)")
        }
        files = list.split(separator: "\n").dropFirst().compactMap { line -> String? in
            guard let name = line.split(separator: "\t").first, !name.hasPrefix("#") else { return nil }
            return String(name)
        }
    }

    /// The linear samples of `file` (its `.s16` when present, else its `.ul`).
    func samples(_ file: String) throws -> [Int16] {
        let base = directory + "/" + file
        return try AudioInput.samples(path: fileExists(base + ".s16") ? base + ".s16" : base + ".ul")
    }

    /// Every file's µ-law bytes, concatenated in `files.tsv` order (the kit's timing buffer).
    func concatenatedMuLaw() throws -> [UInt8] {
        var all: [UInt8] = []
        for file in files {
            let path = directory + "/" + file + ".ul"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw AudioInput.Failure(description: "\(path): cannot read the file")
            }
            all += data
        }
        return all
    }
}
