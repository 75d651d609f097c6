// Forms that guide (no inline script, so the Content-Security-Policy holds):
// - every form is checked by the server only, so all messages are the service's Swedish ones
//   (templates also say novalidate; this covers forms that do not, and htmx fragments);
// - a posted form with problems: focus moves to the error summary at its top;
// - a row added with htmx ("Lägg till en rad"): focus moves to the new row's first field
//   and a live region says the row was added (the text comes from the button);
// - "Ta bort raden": the row is marked (its DELETE box) and hidden, focus moves to the next
//   row or the add button, and the live region says so;
// - folded sections open when a link or the address points into them;
// - the budget form: the totals box is shown (the server adds up, on each change).
(function () {
  "use strict";

  function announce(text) {
    var region = document.getElementById("live-announcer");
    if (!region || !text) { return; }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function serverValidationOnly(root) {
    root.querySelectorAll("form").forEach(function (form) { form.noValidate = true; });
  }

  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  }

  function afterRowAdded(event) {
    var button = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (!button || button.name !== "add_row") { return; }
    var row = event.detail.target.lastElementChild;  // hx-swap="beforeend": the new row
    var field = visibleFields(row)[0];
    if (field) { field.focus(); }
    announce(button.getAttribute("data-announce"));
  }

  // The totals box asks the server (hx-post on each change): here it is only shown.
  function liveTotals(root) {
    root.querySelectorAll("[data-live-totals]").forEach(function (box) { box.hidden = false; });
  }

  function visibleFields(scope) {
    if (!scope) { return []; }
    return Array.prototype.filter.call(
      scope.querySelectorAll("input:not([type=hidden]), select, textarea, button"),
      function (field) { return !field.closest("[hidden]") && !field.disabled; });
  }

  // "Ta bort raden": the DELETE checkbox (what the server reads, and all there is without
  // JavaScript) gives way to a button that ticks it, hides the row and says so.
  function enhanceRowRemoval(root) {
    root.querySelectorAll("[data-row-remove]:not([data-enhanced])").forEach(function (box) {
      var fallback = box.querySelector("[data-row-remove-fallback]");
      var button = box.querySelector("[data-row-remove-button]");
      var checkbox = fallback && fallback.querySelector("input[type=checkbox]");
      if (!button || !checkbox) { return; }
      box.setAttribute("data-enhanced", "");
      fallback.hidden = true;
      button.hidden = false;
      var row = box.closest("[data-row]");
      if (checkbox.checked && row) { row.hidden = true; }  // removed before a failed save
    });
  }

  function removeRow(button) {
    var row = button.closest("[data-row]");
    var checkbox = row && row.querySelector("[data-row-remove-fallback] input[type=checkbox]");
    if (!checkbox) { return; }
    var prefix = row.getAttribute("data-row");
    var rows = Array.prototype.slice.call(
      document.querySelectorAll("[data-row='" + prefix + "']"));
    var after = rows.slice(rows.indexOf(row) + 1).filter(function (r) { return !r.hidden; });
    var before = rows.slice(0, rows.indexOf(row)).filter(function (r) { return !r.hidden; });
    checkbox.checked = true;
    row.hidden = true;
    checkbox.dispatchEvent(new Event("change", {bubbles: true}));  // totals, draft save
    // Focus: the next row's first field, else the add button, else the row before.
    var target = after.length ? visibleFields(after[0])[0] : null;
    target = target || document.getElementById("add-" + prefix);
    target = target || (before.length ? visibleFields(before[before.length - 1])[0] : null);
    if (target) { target.focus(); }
    announce(button.getAttribute("data-announce"));
  }

  // A folded section (<details>) opens when a link (the error summary, the progress list)
  // or the address points into it; a link from the error summary also focuses its field.
  function reveal(id, focusField) {
    var target = id && document.getElementById(id);
    if (!target) { return; }
    for (var d = target.closest("details"); d; d = d.parentElement.closest("details")) {
      d.open = true;
    }
    if (focusField && target.matches("input, select, textarea")) {
      target.focus();
      target.scrollIntoView({block: "center"});
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-row-remove-button]");
    if (button) { removeRow(button); return; }
    var link = event.target.closest("a[href^='#']");
    if (link && link.getAttribute("href").length > 1) {
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      var inSummary = !!link.closest("[data-error-summary]");
      if (inSummary) { event.preventDefault(); }
      reveal(id, inSummary);
    }
  });
  window.addEventListener("hashchange", function () {
    reveal(decodeURIComponent(window.location.hash.slice(1)), false);
  });

  document.addEventListener("DOMContentLoaded", function () {
    serverValidationOnly(document);
    enhanceRowRemoval(document);
    liveTotals(document);
    reveal(decodeURIComponent(window.location.hash.slice(1)), false);
    focusErrorSummary();
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    serverValidationOnly(document);
    enhanceRowRemoval(document);
    afterRowAdded(event);
  });
}());
