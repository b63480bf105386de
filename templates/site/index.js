// tunelens index: sortable run table and the in-page diff of two runs (#diff=RUN_A,RUN_B).
// Every number comes from the embedded site data; nothing is fetched. Text goes in with
// textContent only, never as markup.
(function () {
  "use strict";
  var dataNode = document.getElementById("site-data");
  var site = dataNode ? JSON.parse(dataNode.textContent) : { runs: [], metrics: [], tests: {} };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  // The same rounding as the diff page (Number.prototype.toFixed; see SiteNumberFormat.swift).
  function fixed(x, digits) { return x === null || x === undefined ? "n/a" : x.toFixed(digits); }
  function signed(x, digits) {
    if (x === null || x === undefined) { return "n/a"; }
    var text = x.toFixed(digits);
    if (/^[-0.]*$/.test(text)) { return (0).toFixed(digits); }
    return (x > 0 ? "+" : "") + text;
  }
  function pValue(p) { return p < 0.001 ? "< 0.001" : fixed(p, 3); }
  function pEquals(p) { return p < 0.001 ? "p < 0.001" : "p = " + fixed(p, 3); }
  function withInterval(x, interval, digits) {
    if (x === null || !interval) { return fixed(x, digits); }
    return fixed(x, digits) + " [" + fixed(interval[0], digits) + ", " + fixed(interval[1], digits) + "]";
  }

  // Sorting: numbers by data-value, text by data-value then text; a second click reverses.
  var table = document.getElementById("run-table");
  if (table) {
    var heads = table.querySelectorAll("th[data-sort]");
    Array.prototype.forEach.call(heads, function (th) {
      th.tabIndex = 0;
      function sort() {
        var column = Array.prototype.indexOf.call(th.parentNode.children, th);
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.getAttribute("data-sort") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-value") || "";
          var y = b.cells[column].getAttribute("data-value") || "";
          var order;
          if (numeric) {
            var nx = x === "" ? -Infinity : parseFloat(x), ny = y === "" ? -Infinity : parseFloat(y);
            order = nx - ny;
          } else {
            order = x < y ? -1 : x > y ? 1 : 0;
          }
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) { if (event.key === "Enter") { sort(); } });
    });
  }

  function runIndex(id) {
    for (var i = 0; i < site.runs.length; i++) { if (site.runs[i].id === id) { return i; } }
    return -1;
  }

  // The precomputed test of runs i and j (see IndexPage.siteData for the layout), turned around
  // when the reader asks for B before A.
  function testFor(i, j) {
    var entry = site.tests[Math.min(i, j) + "," + Math.max(i, j)];
    if (!entry) { return null; }
    var text = function (index) { return index === null ? null : site.texts[index]; };
    var test = {
      kind: entry[0], method: text(entry[1]), verdict: text(entry[2]), reason: text(entry[3]),
      delta: entry[4], z: entry[5], p: entry[6], fixed: entry[7], broken: entry[8], compared: entry[9],
      // The tested metric rows, [metric index, Holm-adjusted p, test name], computed by the Swift
      // side (MetricSignificance.swift); the page computes no test itself, so both colour the same cells.
      metrics: {},
      rule: entry[11] === undefined ? null : text(entry[11])
    };
    (entry[10] || []).forEach(function (t) { test.metrics[t[0]] = { adjusted: t[1], method: text(t[2]) }; });
    if (i > j) {
      test.delta = test.delta === null ? null : -test.delta;
      test.z = test.z === null ? null : -test.z;
      var fixed = test.fixed;
      test.fixed = test.broken;
      test.broken = fixed;
    }
    return test;
  }

  function renderDiff(idA, idB) {
    var box = document.getElementById("diff");
    var i = runIndex(idA), j = runIndex(idB);
    while (box.firstChild) { box.removeChild(box.firstChild); }
    box.hidden = false;
    if (i < 0 || j < 0) {
      box.appendChild(el("p", { id: "diff-error" }, ["No readable run named " + (i < 0 ? idA : idB) + " in this folder."]));
      return;
    }
    var a = site.runs[i], b = site.runs[j];
    box.appendChild(el("h2", { id: "diff-title" }, [b.name + " against " + a.name]));
    box.appendChild(el("p", {}, [
      "A: ", el("a", { href: a.href, id: "diff-run-a" }, [a.name]), " (" + a.created + ")  ·  B: ",
      el("a", { href: b.href, id: "diff-run-b" }, [b.name]), " (" + b.created + ")"]));

    var test = testFor(i, j);
    var auc = site.metrics.findIndex(function (m) { return m.key === "models.finetuned.pair_classification.auc"; });
    var delta = test && test.delta !== null ? test.delta
      : (auc >= 0 && a.values[auc] !== null && b.values[auc] !== null ? b.values[auc] - a.values[auc] : null);
    var lines = [el("p", { "class": "verdict" }, [
      "Fine-tuned AUC: " + fixed(auc >= 0 ? a.values[auc] : null, 3) + " → " + fixed(auc >= 0 ? b.values[auc] : null, 3) + ", delta ",
      el("span", { id: "diff-delta-auc" }, [signed(delta, 3)])])];
    if (test && test.kind !== "unavailable") {
      lines.push(el("p", {}, [
        el("span", { id: "diff-kind" }, [test.kind === "paired" ? "Paired" : "Unpaired"]), ": " + test.method + ": z = ",
        el("span", { id: "diff-z" }, [fixed(test.z, 2)]), ", p = ", el("span", { id: "diff-p" }, [test.p === null ? "n/a" : pValue(test.p)]), "."]));
      lines.push(el("p", {}, [test.verdict]));
      if (test.kind === "unpaired") { lines.push(el("p", { "class": "muted" }, ["Unpaired because " + test.reason + "."])); }
      if (test.compared) {
        lines.push(el("p", {}, ["Of " + test.compared + " pairs, ", el("span", { id: "diff-fixed" }, [String(test.fixed)]),
          " are right in B and wrong in A, and ", el("span", { id: "diff-broken" }, [String(test.broken)]),
          " are right in A and wrong in B (each at its run's threshold)."]));
      }
    } else if (test) {
      lines.push(el("p", {}, [test.verdict]));
    } else {
      lines.push(el("p", { id: "diff-kind" }, [site.testsNote]));
    }
    lines.forEach(function (line) { box.appendChild(line); });

    var rows = [];
    var group = null;
    // A group whose values (and intervals) are all equal in both runs is marked as such.
    var identical = {};
    site.metrics.forEach(function (metric, k) {
      var same = a.values[k] === b.values[k] && JSON.stringify(a.intervals[k]) === JSON.stringify(b.intervals[k]);
      identical[metric.group] = (identical[metric.group] !== false) && same;
    });
    site.metrics.forEach(function (metric, k) {
      var x = a.values[k], y = b.values[k];
      if (x === null && y === null) { return; }
      if (metric.group !== group) {
        group = metric.group;
        var head = [group];
        if (identical[group]) { head.push(" ", el("span", { "class": "muted" }, ["(the same in both runs)"])); }
        rows.push(el("tr", {}, [el("th", { colspan: "5", scope: "rowgroup" }, head)]));
      }
      var change = x !== null && y !== null && !metric.p ? y - x : null;
      var tested = test && test.metrics ? test.metrics[k] : null;
      var cls = "num";
      // MetricSignificance.change: coloured only with a test whose Holm-adjusted p is below 0.05,
      // and never when the change rounds to zero at the shown precision.
      if (tested && tested.adjusted < 0.05 && change !== null && Math.abs(change) >= 0.5 * Math.pow(10, -metric.digits) &&
          metric.direction !== "neutral") {
        cls += (change > 0) === (metric.direction === "higher") ? " better" : " worse";
      }
      rows.push(el("tr", { "data-key": metric.key }, [
        el("td", {}, [metric.label]),
        el("td", { "class": "num" }, [metric.p ? (x === null ? "n/a" : pValue(x)) : withInterval(x, a.intervals[k], metric.digits)]),
        el("td", { "class": "num" }, [metric.p ? (y === null ? "n/a" : pValue(y)) : withInterval(y, b.intervals[k], metric.digits)]),
        el("td", { "class": cls }, [metric.p ? "" : signed(change, metric.digits)]),
        el("td", { "class": "muted" }, [tested ? tested.method + ": " + pEquals(tested.adjusted) : "no test"])]));
    });
    var head = el("tr", {}, [el("th", { scope: "col" }, ["Metric"]), el("th", { "class": "num", scope: "col" }, ["A"]),
      el("th", { "class": "num", scope: "col" }, ["B"]), el("th", { "class": "num", scope: "col" }, ["B - A"]),
      el("th", { scope: "col" }, ["Test, Holm-adjusted p"])]);
    box.appendChild(el("p", { id: "diff-colour-rule" }, [test && test.rule ? test.rule
      : "No test is in the page for this pair of runs, so no difference is coloured; `tunelens diff` computes the tests."]));
    box.appendChild(el("div", { "class": "wrap" }, [el("table", { id: "diff-table" }, [el("thead", {}, [head]), el("tbody", {}, rows)])]));
    var page = site.diffPages[a.id + "__" + b.id];
    box.appendChild(el("p", { "class": "muted" }, page
      ? ["The full comparison, with curves and the changed pairs: ", el("a", { href: page }, [page])]
      : ["The full comparison, with curves and the changed pairs: tunelens diff " + a.dir + " " + b.dir]));
    var pickA = document.getElementById("pick-a"), pickB = document.getElementById("pick-b");
    if (pickA && pickB) { pickA.value = a.id; pickB.value = b.id; }
  }

  function fromHash() {
    var match = /^#diff=([^,]*),(.*)$/.exec(location.hash);
    if (!match) { return; }
    renderDiff(decodeURIComponent(match[1]), decodeURIComponent(match[2]));
    document.getElementById("diff").scrollIntoView();
  }
  var picker = document.getElementById("picker");
  if (picker) {
    picker.addEventListener("submit", function (event) {
      event.preventDefault();
      var a = document.getElementById("pick-a").value, b = document.getElementById("pick-b").value;
      location.hash = "diff=" + encodeURIComponent(a) + "," + encodeURIComponent(b);
    });
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
