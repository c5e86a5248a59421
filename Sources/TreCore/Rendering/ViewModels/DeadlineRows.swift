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
        DispatchQueue.concurrentPerform(iterations: calendar.count) { index in
            let entry = calendar[index]
            var context = common.deadline(entry)
            for (key, value) in shared where context[key] == nil { context[key] = value }
            rows.set(index, DeadlineRow(html: templates.render("deadline-item", context), id: context["id"] as? String ?? "") {
                common.deadline(entry)
            })
        }
        byUID = Dictionary(zip(calendar.map(\.uid), rows.values), uniquingKeysWith: { first, _ in first })
    }

    subscript(entry: Site.CalendarEntry) -> DeadlineRow? { byUID[entry.uid] }
}

/// One rendered deadline row. `html` is the rendered partial; any other key a
/// template asks for (`what`, `dateISO`, …) is worked out on first use, so
/// themes that still render `{{> deadline-item}}` in a list keep working.
final class DeadlineRow: MustacheParent, @unchecked Sendable {
    let html: String
    let id: String
    private let makeFields: @Sendable () -> [String: Any]
    private let lock = NSLock()
    private var fields: [String: Any]?

    init(html: String, id: String, fields: @escaping @Sendable () -> [String: Any]) {
        self.html = html
        self.id = id
        self.makeFields = fields
    }

    func child(named name: String) -> Any? {
        switch name {
        case "html": return html
        case "id": return id
        default:
            lock.lock()
            defer { lock.unlock() }
            if fields == nil { fields = makeFields() }
            return fields?[name]
        }
    }
}
