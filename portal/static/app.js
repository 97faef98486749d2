/* Portal 70:20:10 — progressive enhancement only: every page works without this file.
   A table wider than its column scrolls inside its own region, which keyboard users can focus
   (tabindex) and screen readers can name (role="region" + aria-label). Without JavaScript the
   CSS alone keeps such tables scrolling inside the page width. */
(function () {
  "use strict";

  function labelFor(table) {
    var caption = table.querySelector("caption");
    if (caption && caption.textContent.trim()) { return caption.textContent.trim(); }
    var node = table;
    while (node && node !== document.body) {
      var previous = node.previousElementSibling;
      while (previous) {
        if (/^H[1-4]$/.test(previous.tagName)) { return previous.textContent.trim(); }
        var inner = previous.querySelector && previous.querySelector("h1, h2, h3, h4");
        if (inner) { return inner.textContent.trim(); }
        previous = previous.previousElementSibling;
      }
      node = node.parentElement;
    }
    return "Tabel";
  }

  /* Only a box that actually scrolls becomes a focusable, named region: other tables add no
     tab stop and no landmark. Checked again when the window changes size. */
  function regionise(box, table) {
    box.classList.add("table-scroll");
    if (box.scrollWidth > box.clientWidth + 1) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      if (!box.hasAttribute("aria-label")) { box.setAttribute("aria-label", "Tabel: " + labelFor(table)); }
    } else if (box.getAttribute("role") === "region") {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }

  function enhance(root) {
    var tables = (root.querySelectorAll ? root : document).querySelectorAll("main table");
    Array.prototype.forEach.call(tables, function (table) {
      var parent = table.parentElement;
      if (parent.classList.contains("table-scroll") || parent.classList.contains("overflow-auto")) {
        regionise(parent, table);
        return;
      }
      var box = document.createElement("div");
      parent.insertBefore(box, table);
      box.appendChild(table);
      regionise(box, table);
    });
  }

  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      Array.prototype.forEach.call(document.querySelectorAll("main .table-scroll"), function (box) {
        var table = box.querySelector("table");
        if (table) { regionise(box, table); }
      });
    }, 150);
  });
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSettle", function (event) { enhance(event.target); });
})();
