import Testing
@testable import TreCore

@Suite struct SentencesTests {
    @Test func splitsAtAStopBeforeACapitalNeverInsideBracketsOrQuotes() {
        #expect(Sentences.split("Báo cáo trước ngày 15/6. Gọi 111 (miễn phí. Cả ngày). Xong.")
                == ["Báo cáo trước ngày 15/6.", "Gọi 111 (miễn phí. Cả ngày).", "Xong."])
        #expect(Sentences.split("Chủ đề “Trẻ em. An toàn” năm nay. Đúng hạn!") == ["Chủ đề “Trẻ em. An toàn” năm nay.", "Đúng hạn!"])
        // A Vietnamese capital with its marks starts a sentence; a small letter does not.
        #expect(Sentences.split("Hoàn thành. Ủy ban nhân dân xã báo cáo. tiếp tục") == ["Hoàn thành.", "Ủy ban nhân dân xã báo cáo. tiếp tục"])
        #expect(Sentences.split("Nơi nhận./. **Chủ tịch**") == ["Nơi nhận./.", "**Chủ tịch**"])
        #expect(Sentences.split("  ") == [])
    }
}
