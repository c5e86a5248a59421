import Foundation

/// Every deadline's row of the calendar, its month pages and the agency
/// pages, which list the same rows: a template writes a row as `{{{html}}}`,
/// the `deadline-item` partial rendered when a page asks for it. A page kept
/// from the last build (``ContextDigest``) never does, so an unchanged row is
/// not rendered at all. A rendered row is not kept: a row is listed about twice
/// (its month, its agencies), and at 10,000 documents keeping all 134,643 rows
/// between the calendar and the agency pages held 125 MB to save 1–2 s of CPU.
struct DeadlineRows: Sendable {
    /// Each row's ``ContextDigest``, by the row's position in the site's calendar.
    private let digests: [UInt64]
    /// Each document's rows' positions in the calendar, in the order of its deadlines.
    /// Nothing else is held per row: a ``DeadlineRow`` is made when a page lists it.
    private let positions: [String: [Int32]]
    private let source: DeadlineRow.Source

    init(common: CommonViewModel, templates: TemplateLibrary) {
        let calendar = common.site.calendar
        let source = DeadlineRow.Source(common: common, templates: templates)
        let digests = ResultSlots<UInt64>(count: calendar.count)
        DispatchQueue.concurrentPerform(iterations: calendar.count) { index in
            digests.set(index, ContextDigest.of(template: "deadline-item", source.item(index), within: source.sharedDigest))
        }
        self.positions = Self.positionsBySlug(in: calendar)
        self.digests = digests.values
        self.source = source
    }

    /// Each document's deadlines' positions in `calendar`, in the order of its deadlines: the
    /// position of a document's `n`th deadline is `positions[slug][n]`.
    static func positionsBySlug(in calendar: [Site.CalendarEntry]) -> [String: [Int32]] {
        var positions: [String: [Int32]] = [:]
        for (position, entry) in calendar.enumerated() { positions[entry.slug, default: []].append(Int32(position)) }
        return positions.mapValues { found in found.sorted { calendar[Int($0)].index < calendar[Int($1)].index } }
    }

    subscript(entry: Site.CalendarEntry) -> DeadlineRow? {
        guard let found = positions[entry.slug], entry.index < found.count else { return nil }
        let position = Int(found[entry.index])
        return DeadlineRow(id: CommonViewModel.rowID(entry), digest: digests[position], index: position, source: source)
    }
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

        /// The fields of the calendar's `index`th deadline, which `deadline-item` sees above ``shared``.
        func item(_ index: Int) -> DeadlineItem { DeadlineItem(common.site.calendar[index], common: common) }
    }

    let id: String
    /// The ``ContextDigest`` of the row's view model, which covers every field a template may ask for.
    let digest: UInt64
    private let index: Int
    private let source: Source
    private var fields: DeadlineItem?

    init(id: String, digest: UInt64, index: Int, source: Source) {
        self.id = id
        self.digest = digest
        self.index = index
        self.source = source
    }

    /// The rendered `deadline-item` partial, as UTF-8, made each time it is asked for.
    var html: [UInt8] {
        source.templates.renderUTF8("deadline-item", source.item(index), below: source.shared)
    }

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "html": return .utf8(html)
        case "id": return .text(id)
        default:
            source.lock.lock()
            defer { source.lock.unlock() }
            if fields == nil { fields = source.item(index) }
            return fields?.value(named: name)
        }
    }
}
