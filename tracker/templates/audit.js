(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var table = document.querySelector("table.matrix");
  if (!table) { return; }
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input.f-label"));
  var child = document.getElementById("f-child");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr.mrow"));

  // Show only the chosen child's column (or all), and only cells whose label is ticked;
  // a row with no cell left to show is hidden, so a reviewer ticking 未落实 sees exactly those targets.
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var only = child ? child.value : "";
    table.querySelectorAll("[data-child]").forEach(function (el) {
      el.classList.toggle("gone", !!only && el.getAttribute("data-child") !== only);
    });
    var n = 0;
    rows.forEach(function (row) {
      var any = false;
      row.querySelectorAll("td.cell").forEach(function (cell) {
        var off = !on[cell.getAttribute("data-change")];
        cell.classList.toggle("off", off);
        if (!off && !cell.classList.contains("gone")) { any = true; }
      });
      row.classList.toggle("gone", !any);
      if (any) { n += 1; }
    });
    if (shown) { shown.textContent = "显示 " + n + " / " + rows.length + " 项指标"; }
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  if (child) { child.addEventListener("change", apply); }
  apply();
})();
