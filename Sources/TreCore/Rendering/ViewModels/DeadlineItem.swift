/// A deadline as every list shows it (`deadline-item`, the home page's lists, a
/// document's deadlines): date, status against the build date, and links.
///
/// Its fields are worked out once and read by name without a dictionary: a build
/// makes one for each listing of each of its 134,643 deadlines (at 10,000
/// documents), and building a 21-key `TemplateContext` for each was a twentieth
/// of the build.
///
/// ```swift
/// let item = DeadlineItem(entry, common: common)
/// item.value(named: "dateText")   // .text("30/06/2025")
/// item.value(named: "status")     // .text("còn 60 ngày")
/// ```
final class DeadlineItem: TemplateObject {
    let dateISO: String, nextISO: String, dateText: String, startText: String, startISO: String
    let recurrence: String, what: String, owners: String, recipients: String, quote: String, phrase: String
    let status: String, statusClass: String, href: String, icsHref: String, id: String, agencyKeys: String
    let isPeriod: Bool, isRecurring: Bool, hasOwners: Bool, hasRecipients: Bool
    /// The document's title, identity and link, when the list shows them (not on the document's own page).
    let document: (title: String, identity: String, href: String)?

    /// Every field a template may ask for; `documentTitle`, `documentIdentity` and `documentHref` only `withDocument`.
    static let names = ["dateISO", "nextISO", "dateText", "startText", "startISO", "isPeriod", "recurrence", "isRecurring",
                        "what", "owners", "hasOwners", "recipients", "hasRecipients", "quote", "phrase", "status",
                        "statusClass", "href", "icsHref", "id", "agencyKeys", "documentTitle", "documentIdentity", "documentHref"]

    /// Reads the site through `common` in place (a `let site = common.site` copied the whole `Site`,
    /// a retain and a release for each of its tables, for every row of every list) and the deadline in place.
    init(_ entry: Site.CalendarEntry, common: CommonViewModel, withDocument: Bool = true) {
        let (next, days, state) = Self.state(of: entry, on: common.site.today)
        let date = entry.deadline.date, start = entry.deadline.start
        switch state {
        case .ongoing: status = "đang diễn ra"; statusClass = "dang-dien-ra"
        case .upcoming:
            status = "còn \(days) ngày" + (next.map { $0 != date ? " (lần tới \($0.vietnamese))" : "" } ?? ""); statusClass = "sap-toi"
        case .today: status = "hôm nay"; statusClass = "hom-nay"
        case .overdue: status = "đã quá hạn"; statusClass = "qua-han"
        }
        dateISO = date.iso
        nextISO = (next ?? date).iso
        dateText = date.vietnamese
        startText = start?.vietnamese ?? ""
        startISO = start?.iso ?? ""
        isPeriod = start != nil
        recurrence = CommonViewModel.recurrenceText(entry.deadline.recurrence)
        isRecurring = entry.deadline.recurrence != nil
        what = entry.deadline.what
        owners = entry.deadline.owners.joined(separator: "; ")
        hasOwners = !entry.deadline.owners.isEmpty
        recipients = entry.deadline.recipients.joined(separator: "; ")
        hasRecipients = !entry.deadline.recipients.isEmpty
        quote = entry.deadline.quote
        phrase = entry.deadline.phrase
        let base = common.site.baseURL
        let page = base.link("van-ban/\(entry.slug)/")
        href = page + "#" + entry.deadline.anchor
        icsHref = page + "han-chot-\(entry.index + 1).ics"
        id = CommonViewModel.rowID(entry)
        agencyKeys = entry.deadline.owners.map { common.lookup.agencyKey($0) }.joined(separator: " ")
        document = withDocument ? common.lookup.label(slug: entry.slug).map { ($0.title, $0.identity, base.link($0.path)) } : nil
    }

    /// Where a deadline stands on `today`.
    enum State: UInt8 { case ongoing, upcoming, today, overdue }

    /// A deadline's next occurrence on or after `today` (nil when a one-off date has passed), the days
    /// from `today` to it (or to the date), and where it stands: all that its fields take from the day.
    static func state(of entry: Site.CalendarEntry, on today: CalendarDate) -> (next: CalendarDate?, days: Int, state: State) {
        let next = entry.nextOccurrence(onOrAfter: today)
        let days = (next ?? entry.deadline.date).dayNumber - today.dayNumber
        if let start = entry.deadline.start, start <= today, days >= 0 { return (next, days, .ongoing) }
        return (next, days, days > 0 ? .upcoming : days == 0 ? .today : .overdue)
    }

    func value(field: TemplateField) -> TemplateValue? {
        switch field {
        case .dateISO: .text(dateISO)
        case .nextISO: .text(nextISO)
        case .dateText: .text(dateText)
        case .startText: .text(startText)
        case .startISO: .text(startISO)
        case .isPeriod: .bool(isPeriod)
        case .recurrence: .text(recurrence)
        case .isRecurring: .bool(isRecurring)
        case .what: .text(what)
        case .owners: .text(owners)
        case .hasOwners: .bool(hasOwners)
        case .recipients: .text(recipients)
        case .hasRecipients: .bool(hasRecipients)
        case .quote: .text(quote)
        case .phrase: .text(phrase)
        case .status: .text(status)
        case .statusClass: .text(statusClass)
        case .href: .text(href)
        case .icsHref: .text(icsHref)
        case .id: .text(id)
        case .agencyKeys: .text(agencyKeys)
        case .documentTitle: document.map { .text($0.title) }
        case .documentIdentity: document.map { .text($0.identity) }
        case .documentHref: document.map { .text($0.href) }
        case .html, .text, .timeframe, .hasTimeframe: nil
        }
    }

    /// What the item `DeadlineItem(entry, common: common)` would hold, hashed from what it is made of rather
    /// than from its fields: the deadline, its place in its document, where it stands on the build's day (not
    /// the day itself: a deadline past is the same row every day after), the site's base path and
    /// the document's label (an owner's agency key is made from its name alone, ``AgencyNames/key(_:)``). A
    /// build asks for every listed row's digest, and most of a row's fields (its status, dates and links) would
    /// be made only to be hashed. Equal inputs make equal fields; it is not equal to ``digest``, and each is
    /// only compared with its own kind.
    static func digest(of entry: Site.CalendarEntry, common: CommonViewModel) -> UInt64 {
        var hasher = DigestHasher()
        hasher.add(tag: 10)
        let (next, days, state) = Self.state(of: entry, on: common.site.today)
        hasher.add(tag: state.rawValue)
        if state == .upcoming { hasher.add(UInt64(bitPattern: Int64(days))) }
        hasher.add(UInt64(bitPattern: Int64((next ?? entry.deadline.date).dayNumber)))
        hasher.add(common.site.baseURL.path)
        hasher.add(entry.slug)
        hasher.add(UInt64(entry.index))
        hasher.add(UInt64(bitPattern: Int64(entry.deadline.date.dayNumber)))
        if let start = entry.deadline.start { hasher.add(tag: 1); hasher.add(UInt64(bitPattern: Int64(start.dayNumber))) } else { hasher.add(tag: 0) }
        if let recurrence = entry.deadline.recurrence { hasher.add(tag: 1); hasher.add(recurrence) } else { hasher.add(tag: 0) }
        for text in [entry.deadline.what, entry.deadline.quote, entry.deadline.phrase, entry.deadline.anchor] { hasher.add(text) }
        hasher.add(UInt64(entry.deadline.owners.count))
        for owner in entry.deadline.owners { hasher.add(owner) }
        hasher.add(UInt64(entry.deadline.recipients.count))
        for recipient in entry.deadline.recipients { hasher.add(recipient) }
        if let label = common.lookup.label(slug: entry.slug) {
            hasher.add(tag: 1)
            for text in [label.title, label.identity, label.path] { hasher.add(text) }
        } else {
            hasher.add(tag: 0)
        }
        return hasher.state
    }

    /// Every field, in the order of ``names``, the document's fields marked present or not.
    var digest: UInt64 {
        var hasher = DigestHasher()
        for text in [dateISO, nextISO, dateText, startText, startISO, recurrence, what, owners, recipients, quote, phrase,
                     status, statusClass, href, icsHref, id, agencyKeys] { hasher.add(text) }
        hasher.add(UInt64(isPeriod ? 1 : 0) | UInt64(isRecurring ? 2 : 0) | UInt64(hasOwners ? 4 : 0) | UInt64(hasRecipients ? 8 : 0))
        if let document {
            hasher.add(tag: 1)
            hasher.add(document.title)
            hasher.add(document.identity)
            hasher.add(document.href)
        } else {
            hasher.add(tag: 0)
        }
        return hasher.state
    }
}
