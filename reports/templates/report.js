/* mtqa report filters. State lives in the URL fragment, e.g.
   #severity=critical,major&category=number&rule=number.decimal&q=belta
   (a query string works too), so a filtered view can be bookmarked or opened by a test.
   Text only ever goes through textContent: nothing from the book becomes markup. */
(function () {
  "use strict";
  var issues = Array.prototype.slice.call(document.querySelectorAll("article.issue"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.chapter"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[name=severity]"));
  var category = document.getElementById("f-category");
  var rule = document.getElementById("f-rule");
  var search = document.getElementById("f-search");
  var shown = document.getElementById("shown");
  if (!category || !rule || !search) { return; }

  function params() {
    var raw = location.hash.replace(/^#/, "");
    if (raw.indexOf("=") < 0) { raw = location.search.replace(/^\?/, ""); }
    return new URLSearchParams(raw);
  }

  function load() {
    var p = params();
    if (p.has("severity")) {
      var want = p.get("severity").split(",");
      boxes.forEach(function (b) { b.checked = want.indexOf(b.value) >= 0; });
    }
    if (p.has("category")) { category.value = p.get("category"); }
    if (p.has("rule")) { rule.value = p.get("rule"); }
    if (p.has("q")) { search.value = p.get("q"); }
    if (category.selectedIndex < 0) { category.value = ""; }
    if (rule.selectedIndex < 0) { rule.value = ""; }
  }

  function save() {
    var p = new URLSearchParams();
    var sev = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    if (sev.length !== boxes.length) { p.set("severity", sev.join(",")); }
    if (category.value) { p.set("category", category.value); }
    if (rule.value) { p.set("rule", rule.value); }
    if (search.value) { p.set("q", search.value); }
    var s = p.toString();
    try {
      history.replaceState(null, "", s ? "#" + s : location.pathname + location.search);
    } catch (e) { /* some browsers refuse replaceState on file:// pages; the view still works */ }
  }

  function matches(el, ignoreSeverity) {
    var d = el.dataset;
    if (!ignoreSeverity) {
      var box = boxes.filter(function (b) { return b.value === d.severity; })[0];
      if (box && !box.checked) { return false; }
    }
    if (category.value && d.category !== category.value) { return false; }
    if (rule.value && d.rule !== rule.value) { return false; }
    var q = search.value.trim().toLowerCase();
    return !q || d.search.indexOf(q) >= 0;
  }

  function setCount(cell, n) {
    cell.textContent = String(n);
    cell.classList.toggle("zero", n === 0);
  }

  function apply() {
    var perChapter = {};
    var facet = {};
    var visible = 0;
    issues.forEach(function (el) {
      var d = el.dataset;
      if (matches(el, true)) { facet[d.severity] = (facet[d.severity] || 0) + 1; }
      var on = matches(el, false);
      el.hidden = !on;
      if (!on) { return; }
      visible += 1;
      var c = perChapter[d.chapter] || (perChapter[d.chapter] = {total: 0});
      c.total += 1;
      c["sev:" + d.severity] = (c["sev:" + d.severity] || 0) + 1;
      c["cat:" + d.category] = (c["cat:" + d.category] || 0) + 1;
    });
    sections.forEach(function (s) { s.hidden = !perChapter[s.dataset.chapter]; });
    var totals = {};
    document.querySelectorAll("tr[data-chapter]").forEach(function (row) {
      var c = perChapter[row.dataset.chapter] || {total: 0};
      row.querySelectorAll("td[data-count]").forEach(function (cell) {
        var k = cell.dataset.count;
        var n = k === "total" ? c.total : (c[k] || 0);
        totals[k] = (totals[k] || 0) + n;
        setCount(cell, n);
      });
    });
    document.querySelectorAll("tr.total td[data-count]").forEach(function (cell) {
      setCount(cell, totals[cell.dataset.count] || 0);
    });
    boxes.forEach(function (b) {
      var out = document.getElementById("n-" + b.value);
      if (out) { out.textContent = String(facet[b.value] || 0); }
    });
    if (shown) { shown.textContent = "showing " + visible + " of " + issues.length + " findings"; }
    document.body.dataset.visible = String(visible);
  }

  function changed() { save(); apply(); }
  boxes.forEach(function (b) { b.addEventListener("change", changed); });
  category.addEventListener("change", changed);
  rule.addEventListener("change", changed);
  search.addEventListener("input", changed);
  window.addEventListener("hashchange", function () {
    if (location.hash.indexOf("=") >= 0) { load(); apply(); }
  });
  load();
  apply();
})();
