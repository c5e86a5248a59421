import Foundation
import Testing
@testable import TreCore

@Suite struct OpenDataTests {
    /// The file is encoded record by record on all cores; it must be byte for byte what one
    /// `JSONEncoder` pass over the whole value writes, since scripts parse and diff it.
    @Test func recordByRecordEncodingIsTheSameBytesAsOneEncoderPass() throws {
        let output = try Fixtures.temporaryDirectory()
        let built = try SiteBuilder(options: .init(source: Fixtures.repository, output: output)).model()
        let data = OpenData(documents: built.site.documents.map {
            OpenData.Record(source: $0.source, url: "https://example.org/" + $0.path, facts: $0.facts)
        })
        #expect(data.documents.count >= 5)
        let whole = try OpenData.encoder().encode(data)
        #expect(try data.encoded() == whole)
        // Batches smaller than the list: the seams between them must not show.
        var batched = Data()
        try data.encode(batch: 2) { batched.append($0) }
        #expect(batched == whole)
        #expect(try OpenData(documents: []).encoded() == OpenData.encoder().encode(OpenData(documents: [])))
        // What every reader of the file relies on: it parses, with one object per document.
        let parsed = try JSONSerialization.jsonObject(with: data.encoded()) as? [String: Any]
        #expect((parsed?["documents"] as? [Any])?.count == data.documents.count)
    }
}
