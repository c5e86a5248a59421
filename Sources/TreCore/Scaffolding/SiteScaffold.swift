import Foundation

/// `tre new site DIR`: a site folder that builds at once: `site.yml`, a
/// sample plan, the hotline page and the default templates to adapt.
public enum SiteScaffold {
    public static func create(at directory: URL, today: CalendarDate) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: directory.path), !((try? fm.contentsOfDirectory(atPath: directory.path)) ?? []).isEmpty {
            throw Diagnostic(file: directory.path, message: "the folder exists and is not empty", fix: "choose a new folder name")
        }
        guard let theme = TemplateLibrary.defaultThemeDirectory,
              let hotline = Bundle.module.url(forResource: "Starter", withExtension: nil)?.appendingPathComponent("tong-dai-111.md") else {
            throw Diagnostic(file: directory.path, message: "the default theme is missing from this installation of tre", fix: "reinstall tre")
        }
        try fm.createDirectory(at: directory.appendingPathComponent("content"), withIntermediateDirectories: true)
        try """
            # Cài đặt trang. Xem README của Tre, mục "site.yml".
            title: Cổng thông tin bảo vệ trẻ em
            description: Kế hoạch, công văn về trẻ em, Tháng hành động vì trẻ em, lịch hạn chót và Tổng đài 111.
            baseURL: /
            language: vi
            contact:
            unsafe: false

            """.write(to: directory.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try "public/\n.tre-cache/\n".write(to: directory.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        try fm.copyItem(at: theme, to: directory.appendingPathComponent("site-templates"))
        try fm.copyItem(at: hotline.resolvingSymlinksInPath(), to: directory.appendingPathComponent("content/tong-dai-111.md"))
        // The sample plans the next Action Month (June), issued on 1 March of that year.
        let year = today.month <= 5 ? today.year : today.year + 1
        let issued = CalendarDate(year: year, month: 3, day: 1)!
        var sample = ContentTemplates.text(kind: .plan, title: "Tổ chức Tháng hành động vì trẻ em năm \(year)", date: issued)
        sample = sample.replacingBytes(ContentTemplates.draftFrontMatter, with: "")
            .replacingBytes("XÃ …", with: "XÃ MẪU").replacingBytes("…, ngày", with: "Mẫu, ngày")
            .replacingBytes("Số: …/KH-UBND", with: "Số: 1/KH-UBND")
        try sample.write(to: directory.appendingPathComponent("content/" + ContentTemplates.fileName(kind: .plan, title: "Tháng hành động vì trẻ em", date: issued)),
                         atomically: true, encoding: .utf8)
    }
}
