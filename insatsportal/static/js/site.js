/* Insatsportalen's progressive enhancements; every page works without them.
   - The header's menu button on narrow screens (the menu is open without JavaScript).
   - Tables wider than the page scroll inside their own region, which then takes keyboard
     focus and is named after the table's caption or heading (WCAG 1.4.10, 2.1.1).
   - A link to a part of a folded form section opens it.
   - List tables marked class="stack" become cards on a phone (site.css): each cell gets its
     column's heading as data-label and every part its table role.
   (The budget's running totals, focus after an added row and the error summary are in
   core/static/core/forms.js.) */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var compact = false;
  var narrow = window.matchMedia("(max-width: 64em)");

  // Compact when the brand, the links and the user menu do not fit on one row of a narrow
  // window; a wide window lets them wrap (a menu button hides too much on a desktop).
  function fitHeader(header, panel, toggle, show) {
    header.classList.remove("compact");
    panel.hidden = false;
    var brand = header.querySelector(".brand");
    var items = header.querySelectorAll(".header-panel nav li, .user-menu");
    var top = brand.getBoundingClientRect().top;
    compact = narrow.matches && Array.prototype.some.call(items, function (item) {
      return item.getBoundingClientRect().top > top + brand.offsetHeight / 2;
    });
    header.classList.toggle("compact", compact);
    show(toggle.getAttribute("aria-expanded") === "true");
  }

  function setUpMenu() {
    var header = document.querySelector(".site-header");
    var toggle = header && header.querySelector(".menu-toggle");
    var panel = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (!panel) return;
    function show(open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      panel.hidden = compact && !open;
    }
    toggle.addEventListener("click", function () {
      show(toggle.getAttribute("aria-expanded") !== "true");
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && compact) { show(false); toggle.focus(); }
    });
    var width = window.innerWidth;
    window.addEventListener("resize", function () {
      if (window.innerWidth === width) return;
      width = window.innerWidth;
      toggle.setAttribute("aria-expanded", "false");
      fitHeader(header, panel, toggle, show);
    });
    fitHeader(header, panel, toggle, show);
  }

  function labelFor(table) {
    var caption = table.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    var named = table.getAttribute("aria-label");
    if (named) return named;
    // The nearest heading before the table.
    var node = table.closest(".table-scroll") || table;
    while (node && node !== document.body) {
      var sibling = node.previousElementSibling;
      while (sibling) {
        if (/^H[1-6]$/.test(sibling.tagName)) return sibling.textContent.trim();
        var inner = sibling.querySelectorAll ? sibling.querySelectorAll("h1, h2, h3, h4, h5, h6") : [];
        if (inner.length) return inner[inner.length - 1].textContent.trim();
        sibling = sibling.previousElementSibling;
      }
      node = node.parentElement;
    }
    return document.body.getAttribute("data-table-label") || "Table";
  }

  function wrapTables(scope) {
    var tables = (scope || document).querySelectorAll("main table");
    Array.prototype.forEach.call(tables, function (table) {
      if (table.parentElement.classList.contains("table-scroll")) return;
      if (table.closest(".table-scroll")) return;
      var wrapper = document.createElement("div");
      wrapper.className = "table-scroll";
      wrapper.setAttribute("data-auto", "");
      table.parentNode.insertBefore(wrapper, table);
      wrapper.appendChild(table);
    });
  }

  // A region that scrolls is focusable and named; one that fits is left alone.
  function markScrolling() {
    var regions = document.querySelectorAll(".table-scroll");
    Array.prototype.forEach.call(regions, function (region) {
      var scrolls = region.scrollWidth > region.clientWidth + 1;
      region.classList.toggle("scrolls", scrolls);
      var auto = region.hasAttribute("data-auto");
      if (scrolls) {
        if (!region.hasAttribute("tabindex")) region.tabIndex = 0;
        if (!region.hasAttribute("role")) region.setAttribute("role", "region");
        var table = region.querySelector("table");
        if (table && !region.hasAttribute("aria-label") && !region.hasAttribute("aria-labelledby")) {
          region.setAttribute("aria-label", labelFor(table));
        }
      } else if (auto) {
        region.removeAttribute("tabindex");
        region.removeAttribute("role");
        region.removeAttribute("aria-label");
      }
    });
  }

  // Lists that stack as cards (table.stack): the column heading for each cell, and the
  // table roles written out, because CSS display:block removes them from the
  // accessibility tree; then table.stacks lets site.css stack the rows on a phone.
  var ROLES = {TABLE: "table", THEAD: "rowgroup", TBODY: "rowgroup", TFOOT: "rowgroup",
               TR: "row", TD: "cell"};
  function stackTables(scope) {
    var tables = (scope || document).querySelectorAll("table.stack:not(.stacks)");
    Array.prototype.forEach.call(tables, function (table) {
      var headings = [];
      var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
      Array.prototype.forEach.call(head ? head.cells : [], function (cell) {
        for (var i = 0; i < (cell.colSpan || 1); i++) headings.push(cell.textContent.trim());
      });
      table.setAttribute("role", "table");
      Array.prototype.forEach.call(table.querySelectorAll("thead, tbody, tfoot, tr, th, td"),
        function (part) {
          if (part.closest("table") !== table) return;
          var role = ROLES[part.tagName];
          if (part.tagName === "TH") {
            role = part.parentElement.parentElement.tagName === "THEAD" || part.scope === "col"
              ? "columnheader" : "rowheader";
          }
          part.setAttribute("role", role);
        });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          var column = 0;
          Array.prototype.forEach.call(row.cells, function (cell) {
            var span = cell.colSpan || 1;
            // A cell across the whole row ("No participants.") needs no heading.
            if (cell.tagName === "TD" && span < headings.length && headings[column]
                && !cell.hasAttribute("data-label")) {
              cell.setAttribute("data-label", headings[column]);
            }
            column += span;
          });
        });
      });
      table.classList.add("stacks");
    });
  }

  var pending;
  function later() {
    window.clearTimeout(pending);
    pending = window.setTimeout(markScrolling, 100);
  }

  // A link to a part of a folded section (a step of the form, an error) opens the section.
  function openTarget() {
    var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
    var section = target && target.closest("details");
    while (section) {
      section.open = true;
      section = section.parentElement.closest("details");
    }
  }

  function start() {
    setUpMenu();
    openTarget();
    window.addEventListener("hashchange", openTarget);
    stackTables(document);
    wrapTables(document);
    markScrolling();
    window.addEventListener("resize", later);
    document.body.addEventListener("htmx:afterSettle", function (event) {
      var scope = event.target.closest ? event.target.closest("main") || document : document;
      stackTables(scope);
      wrapTables(scope);
      markScrolling();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
