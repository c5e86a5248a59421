// Refreshes "còn N ngày" / "đã quá hạn" against the reader's own clock.
// The pages work without it: the build wrote the status as of the build date.
(function () {
  var now = new Date();
  var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  function day(iso) { var p = iso.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
  // A recurring deadline's next time, as the build writes it, when it is not the date shown beside it.
  function nextTime(el) {
    var next = el.getAttribute("data-han"), shown = el.parentNode.querySelector("time[datetime]");
    if (!shown || shown.getAttribute("datetime") === next) return "";
    var p = next.split("-");
    return " (lần tới " + p[2] + "/" + p[1] + "/" + p[0] + ")";
  }
  var items = document.querySelectorAll("[data-han]");
  for (var i = 0; i < items.length; i++) {
    var el = items[i];
    var days = Math.round((day(el.getAttribute("data-han")) - today) / 86400000);
    var start = el.getAttribute("data-bat-dau");
    var text, kind;
    if (start && day(start) <= today && days >= 0) { text = "đang diễn ra"; kind = "dang-dien-ra"; }
    else if (days > 0) { text = "còn " + days + " ngày" + nextTime(el); kind = "sap-toi"; }
    else if (days === 0) { text = "hôm nay"; kind = "hom-nay"; }
    else if (el.hasAttribute("data-lap")) { continue; }
    else { text = "đã quá hạn"; kind = "qua-han"; }
    el.textContent = text;
    el.className = "trang-thai trang-thai--" + kind;
  }
})();
