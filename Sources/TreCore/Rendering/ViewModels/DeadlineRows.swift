import Foundation
import Mustache

/// Every deadline's `deadline-item` partial, rendered once per build (on all
/// cores) and shared by the calendar, its month pages and the agency pages,
/// which list the same rows: a template writes a row as `{{{html}}}`.
struct DeadlineRows: Sendable {
    private let byUID: [String: DeadlineRow]

    init(common: CommonViewModel, templates: TemplateLibrary) {
        let calendar = common.site.calendar
        // Keys a partial may reach outside its row, as it could inside a page.
        nonisolated(unsafe) let shared = common.context(title: "", path: "").filter { $0.key != "page" && $0.key != "nav" }
        let rows = ResultSlots<DeadlineRow>(count: calendar.count)
        let source = DeadlineRow.Source(common: common)
        DispatchQueue.concurrentPerform(iterations: calendar.count) { index in
            let entry = calendar[index]
            var context = common.deadline(entry)
            for (key, value) in shared where context[key] == nil { context[key] = value }
            rows.set(index, DeadlineRow(html: templates.render("deadline-item", context), id: context["id"] as? String ?? "",
                                        index: index, source: source))
        }
        byUID = Dictionary(zip(calendar.map(\.uid), rows.values), uniquingKeysWith: { first, _ in first })
    }

    subscript(entry: Site.CalendarEntry) -> DeadlineRow? { byUID[entry.uid] }
}

/// One rendered deadline row. `html` is the rendered partial; any other key a
/// template asks for (`what`, `dateISO`, …) is worked out on first use, so
/// themes that still render `{{> deadline-item}}` in a list keep working.
/// A row is small (a build holds one per deadline): its position in the
/// calendar and a pointer to what all rows share.
final class DeadlineRow: MustacheParent, @unchecked Sendable {
    /// What every row of a build shares: the view model that works out a row's fields, and one lock.
    final class Source: @unchecked Sendable {
        let common: CommonViewModel
        let lock = NSLock()
        init(common: CommonViewModel) { self.common = common }
    }

    let html: String
    let id: String
    private let index: Int
    private let source: Source
    private var fields: [String: Any]?

    init(html: String, id: String, index: Int, source: Source) {
        self.html = html
        self.id = id
        self.index = index
        self.source = source
    }

    func child(named name: String) -> Any? {
        switch name {
        case "html": return html
        case "id": return id
        default:
            source.lock.lock()
            defer { source.lock.unlock() }
            if fields == nil { fields = source.common.deadline(source.common.site.calendar[index]) }
            return fields?[name]
        }
    }
}
