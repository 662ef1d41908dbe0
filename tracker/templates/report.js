(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var body = document.body;
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.compare tr.row"));
  var shown = document.getElementById("shown");

  function visible(el) { return el.offsetParent !== null || el.getClientRects().length > 0; }
  function updateShown() {
    if (!shown) { return; }
    var n = rows.filter(visible).length;
    shown.textContent = "显示 " + n + " / " + rows.length + " 行";
  }
  function setRun(run, collapsed) {
    run.classList.toggle("collapsed", collapsed);
    var button = run.querySelector("tr.fold button");
    if (button) {
      button.textContent = (collapsed ? "▸ 展开 " : "▾ 收起 ") + run.getAttribute("data-rows") + " 条未变条款";
      button.setAttribute("aria-expanded", collapsed ? "false" : "true");
    }
  }
  var runs = Array.prototype.slice.call(document.querySelectorAll("tbody.run-unchanged"));
  runs.forEach(function (run) {
    setRun(run, true);
    var button = run.querySelector("tr.fold button");
    if (button) {
      button.addEventListener("click", function () { setRun(run, !run.classList.contains("collapsed")); updateShown(); });
    }
  });
  var expandAll = document.getElementById("expand-all");
  if (expandAll) {
    expandAll.addEventListener("click", function () {
      var anyCollapsed = runs.some(function (r) { return r.classList.contains("collapsed"); });
      runs.forEach(function (r) { setRun(r, !anyCollapsed); });
      expandAll.textContent = anyCollapsed ? "收起未变条款" : "展开全部条款";
      updateShown();
    });
  }
  [["f-changed", "only-changed"], ["f-targets", "only-targets"]].forEach(function (pair) {
    var box = document.getElementById(pair[0]);
    if (!box) { return; }
    box.addEventListener("change", function () { body.classList.toggle(pair[1], box.checked); updateShown(); });
  });

  // A permalink must land on its clause even when it is folded away or filtered out.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) { return; }
    var el = document.getElementById(id);
    if (!el) { return; }
    var run = el.closest("tbody.run-unchanged");
    if (run) { setRun(run, false); }
    if (!visible(el)) {
      ["f-changed", "f-targets"].forEach(function (f) { var b = document.getElementById(f); if (b && b.checked) { b.checked = false; b.dispatchEvent(new Event("change")); } });
    }
    document.querySelectorAll("tr.hit").forEach(function (r) { r.classList.remove("hit"); });
    var row = el.closest("tr");
    if (row) { row.classList.add("hit"); }
    el.scrollIntoView({ block: "center" });
    updateShown();
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  updateShown();
})();
