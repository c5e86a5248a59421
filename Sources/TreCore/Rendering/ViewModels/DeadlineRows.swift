import Foundation

/// Every deadline's row of the calendar, its month pages and the agency
/// pages, which list the same rows: a template writes a row as `{{{html}}}`,
/// the `deadline-item` partial rendered when a page asks for it. A page kept
/// from the last build (``ContextDigest``) never does, so an unchanged row is
/// not rendered at all. A row is listed about twice (its month, its agencies):
/// the pages that list rows say so first (``expect(_:)``) and are written in
/// calendar order, so a rendered row is kept for its other pages and let go
/// after its last (``done(with:)``). Keeping every row, 134,643 at 10,000
/// documents, would hold some 200 MB.
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
            digests.set(index, ContextDigest.of(template: "deadline-item", digest: DeadlineItem.digest(of: calendar[index], common: common),
                                                within: source.sharedDigest))
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

    /// The calendar positions of the rows of `entries` (those of the site's calendar).
    func positions(of entries: some Sequence<Site.CalendarEntry>) -> [Int] {
        entries.compactMap(position(of:))
    }

    /// The calendar position of an entry's row.
    private func position(of entry: Site.CalendarEntry) -> Int? {
        guard let found = positions[entry.slug], entry.index < found.count else { return nil }
        return Int(found[entry.index])
    }

    /// Pages to be written that list these rows (one list of calendar positions a page): a row rendered for
    /// one of them is kept until each has been written or kept (``done(with:)``).
    func expect(_ pages: [[Int]]) { source.rendered.expect(pages) }

    /// A page that listed these rows is written (or kept as it was): a row no page still expects is let go.
    func done(with rows: [Int]) { source.rendered.done(with: rows) }

    /// How many rendered rows are held now.
    var heldCount: Int { source.rendered.heldCount }

    subscript(entry: Site.CalendarEntry) -> DeadlineRow? {
        guard let position = position(of: entry) else { return nil }
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
        /// Rendered rows that pages still to be written will list.
        let rendered: RenderedRows

        init(common: CommonViewModel, templates: TemplateLibrary) {
            self.common = common
            self.templates = templates
            shared = common.context(title: "", path: "").filter { $0.key != "page" && $0.key != "nav" }
            sharedDigest = ContextDigest.of(template: "", shared, reading: templates.namesRead(by: "deadline-item"))
            rendered = RenderedRows(count: common.site.calendar.count)
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

    /// The rendered `deadline-item` partial, as UTF-8: kept from another page that listed the row,
    /// or made now (and kept when pages still to be written will list it).
    var html: [UInt8] {
        if let kept = source.rendered[index] { return kept }
        let html = source.templates.renderUTF8("deadline-item", source.item(index), below: source.shared)
        source.rendered.keep(html, at: index)
        return html
    }

    func value(field: TemplateField) -> TemplateValue? {
        switch field {
        case .html: return .utf8(html)
        case .id: return .text(id)
        default:
            source.lock.lock()
            defer { source.lock.unlock() }
            if fields == nil { fields = source.item(index) }
            return fields?.value(field: field)
        }
    }
}

/// Rendered deadline rows kept between the pages that list them, by calendar position: each row
/// is kept while a page expected to list it has not been written, and let go after the last.
final class RenderedRows: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [[UInt8]?]
    /// For each row, how many expected pages have not been written yet.
    private var remaining: [Int32]

    init(count: Int) {
        rows = Array(repeating: nil, count: count)
        remaining = Array(repeating: 0, count: count)
    }

    /// Pages to be written, each the positions of the rows it lists.
    func expect(_ pages: [[Int]]) {
        lock.lock()
        for page in pages { for position in page { remaining[position] += 1 } }
        lock.unlock()
    }

    var heldCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return rows.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
    }

    subscript(position: Int) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return rows[position]
    }

    /// Keeps a row just rendered, when a page still to be written lists it.
    func keep(_ html: [UInt8], at position: Int) {
        lock.lock()
        if remaining[position] > 0 { rows[position] = html }
        lock.unlock()
    }

    /// A page that listed these rows is done: a row no page still expects is let go.
    func done(with positions: [Int]) {
        lock.lock()
        for position in positions where remaining[position] > 0 {
            remaining[position] -= 1
            if remaining[position] == 0 { rows[position] = nil }
        }
        lock.unlock()
    }
}
