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

  // Timings for scripts/measure-search.py: started, shards in hand, ranked, on screen.
  function mark(name) { if (window.performance && performance.mark) performance.mark("tim-kiem:" + name); }
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
  // "3f.2,1,a" → {docs, weights, length}: base-36 deltas, ".weight" when not 1, read by hand in one
  // tight loop (no splitting, no callbacks), so a first query is fast before the JIT warms up.
  function decode(postings) {
    var length = 0;
    for (var i = 0; i < postings.length; i++) if (postings.charCodeAt(i) === 44) length++;
    if (postings) length++;
    var docs = new Int32Array(length), weights = new Int32Array(length);
    var n = 0, doc = 0, number = 0, weight = 0, inWeight = false;
    for (var j = 0; j < postings.length; j++) {
      var c = postings.charCodeAt(j);
      if (c === 44) {
        doc += number; docs[n] = doc; weights[n++] = inWeight ? weight : 1;
        number = 0; weight = 0; inWeight = false;
      } else if (c === 46) {
        inWeight = true;
      } else {
        var digit = c <= 57 ? c - 48 : c - 87;
        if (inWeight) weight = weight * 36 + digit; else number = number * 36 + digit;
      }
    }
    if (postings) { doc += number; docs[n] = doc; weights[n] = inWeight ? weight : 1; }
    return { docs: docs, weights: weights, length: length };
  }
  // Scores live in arrays indexed by document id, sized by the largest id: no hashing per posting.
  function sized(lists) {
    var size = 1;
    lists.forEach(function (list) { if (list.length) size = Math.max(size, list.docs[list.length - 1] + 1); });
    return size;
  }

  // Per syllable: the best weight of each document holding it anywhere (any key of its shard).
  var unions = {};
  function containing(word, data) {
    if (!unions[word]) {
      var prefix = word + " ", lists = [];
      Object.keys(data).forEach(function (key) { if (key.lastIndexOf(prefix, 0) === 0) lists.push(decode(data[key])); });
      var best = new Int32Array(sized(lists));
      lists.forEach(function (list) {
        for (var i = 0; i < list.length; i++) { var d = list.docs[i]; if (list.weights[i] > best[d]) best[d] = list.weights[i]; }
      });
      unions[word] = best;
    }
    return unions[word];
  }

  // Documents where the given pairs follow one another (a syllable sequence): score array, > 0 when found.
  function sequence(pairs) {
    var lists = pairs.map(decode), size = sized(lists);
    var score = new Int32Array(size), hits = new Int32Array(size);
    lists.forEach(function (list, p) {
      for (var i = 0; i < list.length; i++) {
        var d = list.docs[i];
        if (hits[d] === p) { hits[d] = p + 1; score[d] += 100 + list.weights[i]; }
      }
    });
    for (var d = 0; d < size; d++) if (hits[d] !== lists.length) score[d] = 0;
    return score;
  }
  // Documents found in every score array: {ids, scores}, in id order.
  function intersect(arrays) {
    var size = Math.min.apply(null, arrays.map(function (a) { return a.length; }));
    var ids = [], scores = [];
    outer: for (var d = 0; d < size; d++) {
      var total = 0;
      for (var k = 0; k < arrays.length; k++) {
        if (!arrays[k][d]) continue outer;
        total += arrays[k][d];
      }
      ids.push(d); scores.push(total);
    }
    return { ids: ids, scores: scores };
  }

  // Documents holding the query, as {ids, scores}. Best first, and the work stops as soon as a page
  // is filled: the whole syllable sequence side by side; then its longest runs found side by side
  // with the other syllables anywhere; then every syllable anywhere, with a bonus for each pair
  // found side by side.
  function candidates(words) {
    var distinct = words.filter(function (w, i) { return words.indexOf(w) === i; });
    return Promise.all(distinct.map(shard)).then(function (datas) {
      mark("chi-muc");
      var data = {};
      distinct.forEach(function (w, i) { data[w] = datas[i]; });
      var pairs = [];
      for (var i = 0; i + 1 < words.length; i++) pairs.push(data[words[i]][words[i] + " " + words[i + 1]] || "");
      if (pairs.length) {
        var whole = intersect([sequence(pairs)]);
        if (whole.ids.length >= PAGE) return whole;
      }
      if (pairs.some(Boolean) && pairs.some(function (p) { return !p; })) {
        var parts = [], run = [], alone = [];
        for (var j = 0; j <= pairs.length; j++) {
          if (j < pairs.length && pairs[j]) { run.push(pairs[j]); continue; }
          if (run.length) parts.push(sequence(run)); else alone.push(words[j]);
          run = [];
        }
        var runs = intersect(parts.concat(alone.map(function (w) { return containing(w, data[w]); })));
        if (runs.ids.length >= PAGE) return runs;
      }
      var bonus = pairs.map(function (p) { return sequence([p]); });
      var all = intersect(distinct.map(function (w) { return containing(w, data[w]); }));
      all.ids.forEach(function (d, n) {
        bonus.forEach(function (b) { if (d < b.length) all.scores[n] += b[d]; });
      });
      return all;
    });
  }

  // The best `count` results, best first (score, then the higher id: documents are numbered oldest
  // first, after the pages); the rest are ordered only when asked for.
  function best(found, from, count) {
    var order = [];
    for (var i = 0; i < found.ids.length; i++) order.push(i);
    function before(a, b) { return found.scores[b] - found.scores[a] || found.ids[b] - found.ids[a]; }
    if (order.length > 4 * (from + count)) {
      // Keep a small sorted window instead of sorting every match.
      var window = [];
      for (var k = 0; k < order.length; k++) {
        var n = order[k];
        if (window.length === from + count && before(window[window.length - 1], n) <= 0) continue;
        var at = window.length;
        while (at > 0 && before(window[at - 1], n) > 0) at--;
        window.splice(at, 0, n);
        if (window.length > from + count) window.pop();
      }
      order = window;
    } else {
      order.sort(before);
    }
    return order.slice(from, from + count).map(function (n) { return { id: found.ids[n], score: found.scores[n] }; });
  }

  // Folded text with a map back to the original characters, for snippets. Each distinct character
  // is folded once (a text has few), so a long body costs one pass.
  var folded1 = {};
  function foldWithMap(text) {
    var parts = [], map = [];
    for (var i = 0; i < text.length; i++) {
      var c = text[i], f = folded1[c];
      if (f === undefined) f = folded1[c] = fold(c);
      parts.push(f);
      for (var k = 0; k < f.length; k++) map.push(i);
    }
    map.push(text.length);
    return { text: parts.join(""), map: map };
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

  var found = { ids: [], scores: [] }, shown = 0, current = "";
  // Shows the next page of results; `page` when it is already ranked (the first, checked for diacritics).
  function show(query, page) {
    var batch = page || best(found, shown, PAGE);
    shown += batch.length;
    more.hidden = shown >= found.ids.length;
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
    current = query; list.textContent = ""; found = { ids: [], scores: [] }; shown = 0; more.hidden = true;
    var words = syllables(query);
    if (!words.length) { status.textContent = ""; return; }
    status.textContent = "Đang tìm…";
    mark("bat-dau");
    candidates(words).then(function (result) {
      if (query !== current) return;
      found = result;
      if (!found.ids.length) {
        status.textContent = "Không tìm thấy văn bản nào cho “" + query + "”. Thử từ khác, hoặc gọi Tổng đài 111 (miễn phí, 24/7) nếu trẻ em cần giúp đỡ.";
        return;
      }
      // Exact diacritics first: when the query has marks, the first page is checked against the
      // results' own text (the fragments the page shows anyway).
      var top = best(found, 0, PAGE);
      mark("xep-hang");
      var exact = query.normalize("NFC").toLowerCase().trim();
      var ready = fold(exact) === exact ? Promise.resolve(top) : Promise.all(top.map(function (r) { return fragment(r.id); })).then(function (frags) {
        top.forEach(function (r, i) {
          var text = ((frags[i].t || "") + " " + (frags[i].x || "")).normalize("NFC").toLowerCase();
          r.exact = text.indexOf(exact) >= 0 ? 1 : 0;
        });
        return top.sort(function (a, b) { return b.exact - a.exact || b.score - a.score || b.id - a.id; });
      });
      return ready.then(function (page) {
        if (query !== current) return;
        status.textContent = "Tìm thấy " + found.ids.length + " kết quả cho “" + query + "”.";
        return show(query, page).then(function () { mark("hien-thi"); });
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
