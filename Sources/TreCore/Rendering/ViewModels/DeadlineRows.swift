import Foundation

/// Every deadline's row of the calendar, its month pages and the agency
/// pages, which list the same rows: a template writes a row as `{{{html}}}`,
/// the `deadline-item` partial rendered when a page asks for it. A page kept
/// from the last build (``ContextDigest``) never does, so an unchanged row is
/// not rendered at all. A rendered row is not kept: a row is listed about twice
/// (its month, its agencies), and at 10,000 documents keeping all 134,643 rows
/// between the calendar and the agency pages held 125 MB to save 1–2 s of CPU.
struct DeadlineRows: Sendable {
    private let byUID: [String: DeadlineRow]

    init(common: CommonViewModel, templates: TemplateLibrary) {
        let calendar = common.site.calendar
        let source = DeadlineRow.Source(common: common, templates: templates)
        let rows = ResultSlots<DeadlineRow>(count: calendar.count)
        DispatchQueue.concurrentPerform(iterations: calendar.count) { index in
            let context = source.context(index)
            guard case .text(let id)? = context["id"] else { preconditionFailure("a deadline's view model has its id") }
            rows.set(index, DeadlineRow(id: id, digest: ContextDigest.of(template: "deadline-item", context, within: source.sharedDigest),
                                        index: index, source: source))
        }
        byUID = Dictionary(zip(calendar.map(\.uid), rows.values), uniquingKeysWith: { first, _ in first })
    }

    subscript(entry: Site.CalendarEntry) -> DeadlineRow? { byUID[entry.uid] }
}

/// One deadline row. `html` is the rendered partial; any other key a
/// template asks for (`what`, `dateISO`, …) is worked out on first use, so
/// themes that still render `{{> deadline-item}}` in a list keep working.
/// A row is small (a build holds one per deadline): its position in the
/// calendar and a pointer to what all rows share.
final class DeadlineRow: TemplateObject, @unchecked Sendable {
    /// What every row of a build shares: the view model that works out a row's fields, the templates and one lock.
    final class Source: @unchecked Sendable {
        let common: CommonViewModel
        let templates: TemplateLibrary
        let lock = NSLock()
        /// Keys a partial may reach outside its row, as it could inside a page: the context below every row's.
        let shared: TemplateContext
        let sharedDigest: UInt64

        init(common: CommonViewModel, templates: TemplateLibrary) {
            self.common = common
            self.templates = templates
            shared = common.context(title: "", path: "").filter { $0.key != "page" && $0.key != "nav" }
            sharedDigest = ContextDigest.of(template: "", shared)
        }

        /// The view model of the calendar's `index`th deadline, which `deadline-item` sees above ``shared``.
        func context(_ index: Int) -> TemplateContext { common.deadline(common.site.calendar[index]) }
    }

    let id: String
    /// The ``ContextDigest`` of the row's view model, which covers every field a template may ask for.
    let digest: UInt64
    private let index: Int
    private let source: Source
    private var fields: TemplateContext?

    init(id: String, digest: UInt64, index: Int, source: Source) {
        self.id = id
        self.digest = digest
        self.index = index
        self.source = source
    }

    /// The rendered `deadline-item` partial, made each time it is asked for.
    var html: String {
        source.templates.render("deadline-item", source.context(index), below: source.shared)
    }

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "html": return .text(html)
        case "id": return .text(id)
        default:
            source.lock.lock()
            defer { source.lock.unlock() }
            if fields == nil { fields = source.common.deadline(source.common.site.calendar[index]) }
            return fields?[name]
        }
    }
}
