/// Numbered pages of a long list: page 1 at `path`, page n at `path` + `trang-n/`.
///
/// ```swift
/// let pager = Pager(path: "co-quan/phong-y-te/", count: 120, size: 50)
/// pager.pageCount        // 3
/// pager.path(of: 2)      // "co-quan/phong-y-te/trang-2/"
/// pager.slice(of: 3)     // 100..<120
/// ```
struct Pager {
    let path: String
    let count: Int
    let size: Int

    var pageCount: Int { max(1, (count + size - 1) / size) }

    func path(of page: Int) -> String { page == 1 ? path : path + "trang-\(page)/" }

    /// The items of a page; empty past the end (a page of another, longer list).
    func slice(of page: Int) -> Range<Int> {
        let start = min(count, (page - 1) * size)
        return start..<min(count, start + size)
    }

    /// The page that shows item `index`.
    func page(of index: Int) -> Int { index / size + 1 }

    /// How many pages show lists of these lengths side by side, `size` of each a page (an agency's
    /// deadlines and tasks, a campaign's tasks, activities and documents): as many as the longest needs.
    static func pageCount(showing counts: [Int], size: Int) -> Int {
        counts.map { Pager(path: "", count: $0, size: size).pageCount }.max() ?? 1
    }

    /// The items of one of the lists shown side by side that page `page` holds: empty past the list's end.
    static func slice<Item>(_ items: [Item], page: Int, size: Int) -> ArraySlice<Item> {
        items[Pager(path: "", count: items.count, size: size).slice(of: page)]
    }

    /// What `pager.mustache` shows: previous, next and a window of page numbers
    /// (first, last, and two either side of the current one, with gaps).
    func context(page: Int, pages: Int? = nil, link: (String) -> String) -> TemplateContext {
        let total = pages ?? pageCount
        var numbers: [TemplateContext] = []
        var last = 0
        for number in 1...total where number == 1 || number == total || abs(number - page) <= 2 {
            if number > last + 1 { numbers.append(["isGap": true]) }
            numbers.append(["isGap": false, "number": .number(number), "href": .text(link(path(of: number))), "isCurrent": .bool(number == page)])
            last = number
        }
        var context: TemplateContext = ["hasPages": .bool(total > 1), "current": .number(page), "total": .number(total), "numbers": .objects(numbers)]
        if page > 1 { context["previousHref"] = .text(link(path(of: page - 1))) }
        if page < total { context["nextHref"] = .text(link(path(of: page + 1))) }
        return context
    }
}
