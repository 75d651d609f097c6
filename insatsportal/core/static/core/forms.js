// Forms that guide (no inline script, so the Content-Security-Policy holds):
// - every form is checked by the server only, so all messages are the service's Swedish ones
//   (templates also say novalidate; this covers forms that do not, and htmx fragments);
// - a posted form with problems: focus moves to the error summary at its top;
// - a row added with htmx ("Lägg till en rad"): focus moves to the new row's first field
//   and a live region says the row was added (the text comes from the button);
// - the budget form: preliminary totals as you type (the saved totals stay the record).
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
    var field = row && row.querySelector("input:not([type=hidden]), select, textarea");
    if (field) { field.focus(); }
    announce(button.getAttribute("data-announce"));
  }

  // "1 200 000", "340000 kr", "12,5" -> a number of kronor; anything else counts as 0.
  function kronor(text) {
    var value = String(text).replace(/[\s\u00a0\u202f]/g, "").toLowerCase()
      .replace(/(kronor|kr|:-)$/, "").replace(",", ".");
    return /^-?\d+(\.\d+)?$/.test(value) ? Math.round(Number(value)) : 0;
  }

  function sum(scope, selector) {
    var total = 0;
    if (!scope) { return total; }
    scope.querySelectorAll(selector).forEach(function (input) {
      var row = input.closest(".budget-row");
      var remove = row && row.querySelector("input[name$='-DELETE']");
      if (!(remove && remove.checked)) { total += kronor(input.value); }
    });
    return total;
  }

  function formatKronor(value) {
    return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") + "\u00a0kr";
  }

  function updateTotals(form) {
    var association = sum(form.querySelector("[aria-labelledby='h-association']"), "input.amount");
    var coFinancing = sum(form.querySelector("[aria-labelledby='h-co_financing']"), "input.amount");
    var years = sum(form.querySelector("[aria-labelledby='h-years']"),
      "input[name$='-salary'], input[name$='-premises'], input[name$='-other']");
    var figures = {association: association, co_financing: coFinancing,
      grand: association + coFinancing, years: years};
    form.querySelectorAll("[data-live-total]").forEach(function (cell) {
      cell.textContent = formatKronor(figures[cell.getAttribute("data-live-total")]);
    });
  }

  function liveTotals() {
    document.querySelectorAll("form.budget-form").forEach(function (form) {
      var box = form.querySelector("[data-live-totals]");
      if (!box) { return; }
      box.hidden = false;
      updateTotals(form);
      form.addEventListener("input", function () { updateTotals(form); });
      form.addEventListener("change", function () { updateTotals(form); });
      document.body.addEventListener("htmx:afterSettle", function () { updateTotals(form); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    serverValidationOnly(document);
    focusErrorSummary();
    liveTotals();
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    serverValidationOnly(document);
    afterRowAdded(event);
  });
}());
