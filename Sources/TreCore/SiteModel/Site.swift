/// Everything the pages are made from, computed once per build: documents
/// newest first, citation links both ways, Action Month campaigns by year,
/// agencies, and the deadline calendar.
public struct Site: Sendable {
    public var config: SiteConfig
    public var baseURL: BaseURL
    /// The build's "today", for deadline status.
    public var today: CalendarDate
    public var documents: [SiteDocument]
    public var pages: [SiteDocument]

    /// The hotline page's path: the page with `layout: hotline` (the starter's `content/tong-dai-111.md`), nil when the site has none.
    public var hotlinePath: String? { pages.first { $0.layout == "hotline" }?.path }
    /// Citation index → slug of the cited document in the site, per document slug.
    public var citationTargets: [String: [Int: String]]
    /// Slug → slugs of the documents that cite it.
    public var citedBy: [String: [String]]
    public var campaigns: [Campaign]
    public var agencies: [Agency]
    public var calendar: [CalendarEntry]
    /// Citation key of a document number → indexes in ``documents`` of the documents with it.
    private var indexesByCitationKey: [String: [Int]] = [:]
    /// Slug → that document's calendar entries: a lookup, not a scan.
    public private(set) var calendarBySlug: [String: [CalendarEntry]] = [:]
    /// A document's label by its slug, an agency's key by its name.
    public private(set) var lookup: Lookup

    /// The site's lookups by slug and by agency name, one object every copy of the site and
    /// every view model shares. A method called on a `Site` held by a class (a view model's
    /// `common.site.label(slug:)`) copied the whole site, a retain and a release for each of its
    /// tables, for every row of every list; a method called on this copies nothing.
    public final class Lookup: Sendable {
        /// Slug → index in ``Site/documents``.
        let indexBySlug: [String: Int]
        /// What lists and calendars show of each of ``Site/documents``, in the same order.
        let labels: [DocumentLabel]
        /// Each agency name the documents use → its key (``AgencyNames/key(_:)``), worked out once.
        let agencyKeyByName: [UTF8Key: String]

        init(indexBySlug: [String: Int], labels: [DocumentLabel], agencyKeyByName: [UTF8Key: String]) {
            self.indexBySlug = indexBySlug
            self.labels = labels
            self.agencyKeyByName = agencyKeyByName
        }

        /// The title, identity and path of the document with this slug.
        public func label(slug: String) -> DocumentLabel? {
            guard let index = indexBySlug[slug] else { return nil }
            return labels[index]
        }

        /// The identity of the document with this slug ("Kế hoạch số 61/KH-UBND"), read without copying its whole label.
        public func identity(slug: String) -> String? {
            guard let index = indexBySlug[slug] else { return nil }
            return labels[index].identity
        }

        /// The key of an agency's name, as its page's URL uses it: `co-quan/<key>/`.
        public func agencyKey(_ name: String) -> String { agencyKeyByName[UTF8Key(name)] ?? AgencyNames.key(name) }

        /// The same lookups with the `index`th document's label replaced.
        func replacingLabel(at index: Int, with label: DocumentLabel) -> Lookup {
            var labels = labels
            labels[index] = label
            return Lookup(indexBySlug: indexBySlug, labels: labels, agencyKeyByName: agencyKeyByName)
        }
    }

    /// What a list, a calendar row or an event shows of a document, read by slug without copying the document.
    public struct DocumentLabel: Sendable {
        public var title: String
        /// "Kế hoạch số 61/KH-UBND" (``SiteDocument/identity``).
        public var identity: String
        public var path: String
        /// The document's date (``SiteDocument/sortDate``): its calendar events are stamped with it.
        public var date: CalendarDate?
    }

    public struct Campaign: Sendable {
        public var year: Int
        /// The theme as each document states it, with the document's slug.
        public var themes: [(theme: String, slug: String)]
        public var documentSlugs: [String]
        /// Tasks of any document that mention the Action Month.
        public var tasks: [(slug: String, task: DocumentFacts.Task)]
        public var quotes: [(slug: String, quote: String)]

        mutating func append(_ document: SiteDocument, month: DocumentFacts.ActionMonth) {
            if let theme = month.theme { themes.append((theme, document.slug)) }
            documentSlugs.append(document.slug)
            quotes.append((document.slug, month.quote))
            for task in document.facts.tasks where Self.mentionsActionMonth(task.text) {
                tasks.append((document.slug, task))
            }
        }

        /// Whether a text holds "tháng hành động" in any case. Its lowercase is searched only when the text's
        /// own bytes hold "nh đ" in some case: nearly every task holds none, and is not lowercased at all.
        static func mentionsActionMonth(_ text: String) -> Bool {
            var text = text
            let may = text.withUTF8 { bytes in
                // "nh đ": n or N, h or H, a space, then Đ (C4 90) or đ (C4 91).
                bytes.count >= 5 && (2..<bytes.count - 2).contains { at in
                    bytes[at] == 0x20 && bytes[at + 1] == 0xC4 && bytes[at + 2] & 0xFE == 0x90
                        && bytes[at - 1] | 0x20 == UInt8(ascii: "h") && bytes[at - 2] | 0x20 == UInt8(ascii: "n")
                }
            }
            return may && LowercaseBytes(text).contains("tháng hành động")
        }
    }

    public struct Agency: Sendable {
        public var key: String
        public var name: String
        public var leads: [AssignedTask]
        public var cooperates: [AssignedTask]
        public var deadlines: [CalendarEntry]
    }

    /// A task of a document, as listed under each agency it names: read from the document's
    /// own list of tasks, which every entry shares, not copied.
    public struct AssignedTask: Sendable {
        public var slug: String
        private let tasks: [DocumentFacts.Task]
        private let index: Int
        /// Read in place: an agency's pages read a task's fields one by one, and a copy retained each of its texts.
        public var task: DocumentFacts.Task { _read { yield tasks[index] } }

        /// The `index`th of a document's `tasks`.
        public init(slug: String, tasks: [DocumentFacts.Task], index: Int) {
            self.slug = slug
            self.tasks = tasks
            self.index = index
        }
    }

    /// One deadline in the calendar with its document.
    ///
    /// An entry is listed in several places (the calendar, its document's entries, each owner's
    /// agency), so it reads its deadline from the document's own list, which every entry of the
    /// document shares: an entry is 32 bytes, not some 200, and no deadline is copied.
    public struct CalendarEntry: Sendable {
        public var slug: String
        /// The deadline's position in its document (``DocumentFacts/deadlines``).
        public var index: Int
        private let deadlines: [DocumentFacts.Deadline]
        /// Read in place: the calendar's listings read a deadline's fields a dozen times, and a copy retained each of its texts.
        public var deadline: DocumentFacts.Deadline { _read { yield deadlines[index] } }

        /// The `index`th of a document's `deadlines`.
        public init(slug: String, deadlines: [DocumentFacts.Deadline], index: Int) {
            self.slug = slug
            self.index = index
            self.deadlines = deadlines
        }
        /// Stable across builds: document slug, date and position in the document.
        public var uid: String { "\(slug)-\(deadline.date.compact)-\(index)@tre" }

        /// The first occurrence on or after `day`: the date itself, or for a recurring
        /// deadline the next time it comes round. Nil when a one-off date has passed.
        public func nextOccurrence(onOrAfter day: CalendarDate) -> CalendarDate? {
            var date = deadline.date
            if date >= day { return date }
            let months: Int
            switch deadline.recurrence {
            case "yearly": months = 12
            case "half-yearly": months = 6
            case "quarterly": months = 3
            case "monthly": months = 1
            default: return nil
            }
            var step = 0
            while date < day && step < 12 * 200 {
                step += months
                let total = deadline.date.year * 12 + (deadline.date.month - 1) + step
                let year = total / 12, month = total % 12 + 1
                date = CalendarDate(year: year, month: month, day: min(deadline.date.day, CalendarDate.daysIn(month: month, year: year)))!
            }
            return date
        }
    }

    public init(config: SiteConfig, baseURL: BaseURL, today: CalendarDate, documents all: [SiteDocument]) {
        self.config = config
        self.baseURL = baseURL
        self.today = today
        let visible = all.filter { !$0.frontMatter.draft }
        documents = Self.newestFirst(visible.filter(\.isDocument))
        pages = visible.filter { !$0.isDocument }

        // The citations, campaigns and labels, and the calendar with its agencies, need nothing of each other: made side by side.
        let documents = documents
        let ((linked, campaigns, indexBySlug, labels), dated) = Parallel.both({
            (Self.citations(among: documents), Self.campaigns(from: documents),
             Dictionary(documents.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first }),
             documents.map { DocumentLabel(title: $0.title, identity: $0.identity, path: $0.path, date: $0.sortDate) })
        }, { Self.calendar(of: documents) })
        (indexesByCitationKey, citationTargets, citedBy) = linked
        self.campaigns = campaigns
        let agencyKeyByName: [UTF8Key: String]
        (calendar, calendarBySlug, agencies, agencyKeyByName) = dated
        lookup = Lookup(indexBySlug: indexBySlug, labels: labels, agencyKeyByName: agencyKeyByName)
    }

    /// Documents by date, the newest first (those without one last), then by slug; each date worked out once.
    static func newestFirst(_ documents: [SiteDocument]) -> [SiteDocument] {
        let dates = documents.map(\.sortDate)
        let order = documents.indices.sorted { a, b in
            switch (dates[a], dates[b]) {
            case let (x?, y?) where x != y: x > y
            case (_?, nil): true
            case (nil, _?): false
            default: documents[a].slug < documents[b].slug
            }
        }
        return order.map { documents[$0] }
    }

    /// Documents by citation key; for each document, the site's documents its citations name; and who cites each.
    /// One dictionary lookup per citation, no pairwise scan.
    static func citations(among documents: [SiteDocument]) -> ([String: [Int]], [String: [Int: String]], [String: [String]]) {
        var byNumber: [String: [Int]] = [:]
        for (index, document) in documents.enumerated() {
            if let number = document.facts.number { byNumber[CitationExtractor.key(number: number), default: []].append(index) }
        }
        var targets: [String: [Int: String]] = [:]
        var citedBy: [String: [String]] = [:]
        for document in documents {
            let found = Self.citationTargets(of: document, among: documents, byNumber: byNumber)
            if !found.isEmpty { targets[document.slug] = found }
            for target in found.keys.sorted().compactMap({ found[$0] }) where !(citedBy[target] ?? []).contains(document.slug) {
                citedBy[target, default: []].append(document.slug)
            }
        }
        return (byNumber, targets, citedBy)
    }

    /// Every deadline by date (then document slug and place in the document), each document's, and the agencies.
    static func calendar(of documents: [SiteDocument]) -> ([CalendarEntry], [String: [CalendarEntry]], [Agency], [UTF8Key: String]) {
        var entries: [CalendarEntry] = []
        // Slugs ranked once, so that sorting compares numbers, not strings.
        let rankOf = Dictionary(zip(Set(documents.map(\.slug)).sorted(), 0...), uniquingKeysWith: { first, _ in first })
        var keys: [(day: Int, slug: Int, index: Int)] = []
        for document in documents {
            let deadlines = document.facts.deadlines
            let rank = rankOf[document.slug]!
            for index in deadlines.indices {
                entries.append(CalendarEntry(slug: document.slug, deadlines: deadlines, index: index))
                keys.append((deadlines[index].date.dayNumber, rank, index))
            }
        }
        let order = entries.indices.sorted { keys[$0] < keys[$1] }
        let calendar = order.map { entries[$0] }
        let (agencies, keyByName) = Self.agencies(from: documents, calendar: calendar)
        return (calendar, Dictionary(grouping: entries, by: \.slug), agencies, keyByName)
    }

    public func document(slug: String) -> SiteDocument? {
        // Not `indexBySlug[slug].map { documents[$0] }`: the closure took a copy of the whole site.
        guard let index = lookup.indexBySlug[slug] else { return nil }
        return documents[index]
    }

    /// The key of an agency's name, as its page's URL uses it: `co-quan/<key>/`.
    public func agencyKey(_ name: String) -> String { lookup.agencyKey(name) }

    /// The title, identity and path of the document with this slug.
    public func label(slug: String) -> DocumentLabel? { lookup.label(slug: slug) }

    /// Citation index → slug of the document in the site it names (same number; same date, or same year when only that is known).
    static func citationTargets(of document: SiteDocument, among documents: [SiteDocument], byNumber: [String: [Int]]) -> [Int: String] {
        var found: [Int: String] = [:]
        for (index, citation) in document.facts.citations.enumerated() {
            guard let number = citation.number, let candidates = byNumber[CitationExtractor.key(number: number)] else { continue }
            let match = candidates.map { documents[$0] }.first { candidate in
                guard let date = citation.date else { return true }
                return candidate.facts.date.map { $0 == date } ?? (candidate.facts.year == date.year)
            }
            if let target = match, target.slug != document.slug { found[index] = target.slug }
        }
        return found
    }

    /// This site with one document's new version put in place of the old, for
    /// `tre serve`'s quick re-render of that document's own page: its deadlines
    /// and the documents it cites are worked out again; lists across the site
    /// (calendar, agencies, campaigns) are left to the full rebuild that follows.
    /// Nil when the new version would not sit at the same URL, as the same kind of page.
    public func replacing(_ document: SiteDocument) -> Site? {
        var copy = self
        if let index = lookup.indexBySlug[document.slug], documents[index].source == document.source {
            guard document.isDocument, !document.frontMatter.draft, documents[index].path == document.path else { return nil }
            copy.documents[index] = document
            copy.lookup = lookup.replacingLabel(at: index, with: DocumentLabel(title: document.title, identity: document.identity, path: document.path, date: document.sortDate))
            let deadlines = document.facts.deadlines
            copy.calendarBySlug[document.slug] = deadlines.indices.map { CalendarEntry(slug: document.slug, deadlines: deadlines, index: $0) }
            copy.citationTargets[document.slug] = Self.citationTargets(of: document, among: documents, byNumber: indexesByCitationKey)
            return copy
        }
        if let index = pages.firstIndex(where: { $0.source == document.source }) {
            guard !document.isDocument, !document.frontMatter.draft, pages[index].path == document.path else { return nil }
            copy.pages[index] = document
            return copy
        }
        return nil
    }

    static func campaigns(from documents: [SiteDocument]) -> [Campaign] {
        var byYear: [Int: Campaign] = [:]
        for document in documents {
            guard let month = document.facts.actionMonth, let year = month.year else { continue }
            // Appended in place: a copy taken out and put back would copy every list each time.
            byYear[year, default: Campaign(year: year, themes: [], documentSlugs: [], tasks: [], quotes: [])].append(document, month: month)
        }
        return byYear.values.sorted { $0.year > $1.year }
    }

    /// The agencies, sorted by name, and the key of each name they go by.
    static func agencies(from documents: [SiteDocument], calendar: [CalendarEntry]) -> ([Agency], [UTF8Key: String]) {
        // Appended in place by position: an `Agency` taken out of a dictionary and put back copied its lists.
        var all: [Agency] = []
        var positionOfKey: [String: Int] = [:]
        // Thousands of documents name the same few hundred agencies: each spelling is keyed once.
        var keyByName: [UTF8Key: String] = [:]
        var positionOfName: [UTF8Key: Int] = [:]
        func position(_ name: String) -> Int {
            if let known = positionOfName[UTF8Key(name)] { return known }
            let key = AgencyNames.key(name)
            keyByName[UTF8Key(name)] = key
            let position = positionOfKey[key] ?? all.count
            if position == all.count {
                all.append(Agency(key: key, name: name, leads: [], cooperates: [], deadlines: []))
                positionOfKey[key] = position
            }
            positionOfName[UTF8Key(name)] = position
            return position
        }
        for document in documents {
            let tasks = document.facts.tasks
            for (index, task) in tasks.enumerated() {
                let assigned = AssignedTask(slug: document.slug, tasks: tasks, index: index)
                for name in task.lead where !name.isEmpty { all[position(name)].leads.append(assigned) }
                for name in task.cooperating where !name.isEmpty { all[position(name)].cooperates.append(assigned) }
            }
        }
        for entry in calendar {
            for name in entry.deadline.owners where !name.isEmpty { all[position(name)].deadlines.append(entry) }
        }
        let agencies = all.filter { !$0.key.isEmpty }.sorted { $0.name.localizedCompare($1.name) == .orderedAscending }
        return (agencies, keyByName)
    }
}


import Foundation
