// Tre's static search. The index is folded (lowercase, no diacritics, đ → d) and keyed by pairs of
// neighbouring syllables, sharded by first syllable; only the shards a query needs are downloaded,
// and a document's fragment only when it is shown. Exact diacritics rank above folded matches.
(function () {
  var script = document.currentScript;
  var base = script.getAttribute("data-base");
  var form = document.querySelector(".o-tim"), input = document.getElementById("q");
  var status = document.getElementById("trang-thai-tim"), list = document.getElementById("ket-qua");
  var more = document.getElementById("them-ket-qua");
  var shards = {}, fragments = {}, PAGE = 10;

  function fold(text) {
    return text.normalize("NFD").toLowerCase().replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").normalize("NFC");
  }
  function syllables(text) { return fold(text).replace(/[’'‘]/g, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  function shardName(s) {
    if (s.length <= 16 && /^[a-z0-9]+$/.test(s)) return s;
    var h = 2166136261;
    var bytes = new TextEncoder().encode(s);
    for (var i = 0; i < bytes.length; i++) { h = Math.imul(h ^ bytes[i], 16777619) >>> 0; }
    return "_" + (h % 4096).toString(36);
  }
  function load(url, cache, key) {
    if (!cache[key]) {
      cache[key] = fetch(url).then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; });
    }
    return cache[key];
  }
  function shard(first) { var n = shardName(first); return load(base + "tim-kiem/chi-muc/" + n + ".json", shards, n); }
  function fragment(id) { return load(base + "tim-kiem/f/" + id + ".json", fragments, id); }
  // "3f.2,1,a" → Map(doc id → weight): base-36 deltas, ".weight" when not 1; parsed by hand, no splitting.
  function decode(postings) {
    var result = new Map(), doc = 0, number = 0, weight = 0, inWeight = false;
    if (!postings) return result;
    for (var i = 0; i <= postings.length; i++) {
      var c = i < postings.length ? postings.charCodeAt(i) : 44;
      if (c === 44) {
        doc += number;
        result.set(doc, inWeight ? weight : 1);
        number = 0; weight = 0; inWeight = false;
      } else if (c === 46) {
        inWeight = true;
      } else {
        var digit = c <= 57 ? c - 48 : c - 87;
        if (inWeight) weight = weight * 36 + digit; else number = number * 36 + digit;
      }
    }
    return result;
  }

  // Documents holding every syllable of the query; neighbouring pairs found side by side
  // (the query's syllable sequence) score far above syllables found apart.
  var unions = {};
  function containing(word, data) {
    if (!unions[word]) {
      var docs = new Map();
      Object.keys(data).forEach(function (key) {
        decode(data[key]).forEach(function (w, d) { var old = docs.get(d); if (old === undefined || w > old) docs.set(d, w); });
      });
      unions[word] = docs;
    }
    return unions[word];
  }

  function candidates(words) {
    var distinct = words.filter(function (w, i) { return words.indexOf(w) === i; });
    return Promise.all(distinct.map(shard)).then(function (datas) {
      var data = {};
      distinct.forEach(function (w, i) { data[w] = datas[i]; });
      // The query's syllable sequence, side by side: enough results and the work stops here.
      if (words.length > 1) {
        var sequence = null;
        for (var i = 0; i + 1 < words.length; i++) {
          var pair = decode(data[words[i]][words[i] + " " + words[i + 1]] || "");
          if (sequence === null) {
            sequence = new Map();
            pair.forEach(function (w, d) { sequence.set(d, 100 + w); });
          } else {
            sequence.forEach(function (score, d) { var w = pair.get(d); if (w === undefined) sequence.delete(d); else sequence.set(d, score + 100 + w); });
          }
        }
        if (sequence.size >= PAGE) return sequence;
      }
      // Otherwise every document holding each syllable, with a bonus for each pair found side by side.
      var unionsByWord = distinct.map(function (w) { return containing(w, data[w]); });
      var scores = new Map();
      unionsByWord[0].forEach(function (first, d) {
        var total = first;
        for (var k = 1; k < unionsByWord.length; k++) {
          var w = unionsByWord[k].get(d);
          if (w === undefined) return;
          total += w;
        }
        scores.set(d, total);
      });
      for (var j = 0; j + 1 < words.length; j++) {
        decode(data[words[j]][words[j] + " " + words[j + 1]] || "").forEach(function (w, d) {
          var score = scores.get(d);
          if (score !== undefined) scores.set(d, score + 100 + w);
        });
      }
      return scores;
    });
  }

  // Folded text with a map back to the original characters, for snippets.
  function foldWithMap(text) {
    var folded = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var f = fold(text[i]);
      for (var k = 0; k < f.length; k++) { folded += f[k]; map.push(i); }
    }
    map.push(text.length);
    return { text: folded, map: map };
  }
  function snippet(text, query) {
    var folded = foldWithMap(text.replace(/[’'‘]/g, "\u200b")), needle = syllables(query).join(" ");
    var flat = folded.text.replace(/\u200b/g, "").length === folded.text.length ? folded.text.replace(/[^\p{L}\p{N}]/gu, " ") : null;
    if (flat === null) {
      // Drop the joiners while keeping the map to the original characters.
      var t = "", m = [];
      for (var i = 0; i < folded.text.length; i++) { if (folded.text[i] !== "\u200b") { t += folded.text[i]; m.push(folded.map[i]); } }
      m.push(text.length);
      folded = { text: t, map: m };
      flat = t.replace(/[^\p{L}\p{N}]/gu, " ");
    }
    var at = flat.indexOf(needle);
    var p = document.createElement("p");
    p.className = "ket-qua__trich";
    if (at < 0) { p.textContent = text.slice(0, 180) + (text.length > 180 ? "…" : ""); return p; }
    var start = folded.map[at], end = folded.map[at + needle.length];
    var from = Math.max(0, start - 80), to = Math.min(text.length, end + 100);
    p.appendChild(document.createTextNode((from > 0 ? "…" : "") + text.slice(from, start)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    p.appendChild(mark);
    p.appendChild(document.createTextNode(text.slice(end, to) + (to < text.length ? "…" : "")));
    return p;
  }

  var ranked = [], shown = 0, current = "";
  function show(query) {
    var batch = ranked.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = shown >= ranked.length;
    return Promise.all(batch.map(function (r) { return fragment(r.id); })).then(function (frags) {
      if (query !== current) return;
      frags.forEach(function (f) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = f.u; a.textContent = f.t;
        var h = document.createElement("h2"); h.appendChild(a);
        var meta = document.createElement("p");
        meta.className = "ghi-chu"; meta.textContent = [f.k, f.d].filter(Boolean).join(" · ");
        li.appendChild(h); li.appendChild(meta); li.appendChild(snippet(f.x || f.t, query));
        list.appendChild(li);
      });
    });
  }
  function search(query) {
    current = query; list.textContent = ""; ranked = []; shown = 0; more.hidden = true;
    var words = syllables(query);
    if (!words.length) { status.textContent = ""; return; }
    status.textContent = "Đang tìm…";
    candidates(words).then(function (scores) {
      ranked = [];
      scores.forEach(function (score, d) { ranked.push({ id: d, score: score }); });
      ranked.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      // Exact diacritics first: when the query has marks, check the top results' own text.
      var exact = query.normalize("NFC").toLowerCase().trim();
      var hasMarks = fold(exact) !== exact;
      var top = ranked.slice(0, PAGE);
      return Promise.all(top.map(function (r) { return hasMarks ? fragment(r.id) : null; })).then(function (frags) {
        if (hasMarks) {
          top.forEach(function (r, i) {
            var f = frags[i];
            var text = ((f.t || "") + " " + (f.x || "")).normalize("NFC").toLowerCase();
            r.exact = text.indexOf(exact) >= 0 ? 1 : 0;
          });
          top.sort(function (a, b) { return b.exact - a.exact || b.score - a.score || a.id - b.id; });
          ranked = top.concat(ranked.slice(PAGE));
        }
        if (query !== current) return;
        if (!ranked.length) {
          status.textContent = "Không tìm thấy văn bản nào cho “" + query + "”. Thử từ khác, hoặc gọi Tổng đài 111 (miễn phí, 24/7) nếu trẻ em cần giúp đỡ.";
          return;
        }
        status.textContent = "Tìm thấy " + ranked.length + " kết quả cho “" + query + "”.";
        return show(query);
      });
    });
  }

  more.querySelector("button").addEventListener("click", function () { show(current); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var q = input.value.trim();
    history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    search(q);
  });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; search(q); }
})();
