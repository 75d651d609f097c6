// Drafts (drafts/page_drafts.html): long texts are saved as the user writes, and given back
// when the page is opened again; a form sent after the session ended is filled in again.
// The record itself is only changed when the user saves the form.
(function () {
  "use strict";
  var config = document.getElementById("page-drafts-config");
  var source = document.getElementById("page-drafts");
  if (!config || !source) { return; }
  var drafts = JSON.parse(source.textContent) || {typing: {}, kept: null};
  var token = config.querySelector('input[name="csrfmiddlewaretoken"]').value;
  var path = window.location.pathname;
  var WAIT = 1500;
  var MANAGEMENT = /-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$/;

  function send(url, fields) {
    var body = new FormData();
    Object.keys(fields).forEach(function (name) { body.append(name, fields[name]); });
    body.append("csrfmiddlewaretoken", token);
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: {"Accept": "application/json"}
    });
  }

  function discard(fields) {
    send(config.dataset.discardUrl, Object.assign({path: path}, fields));
  }

  function pathOf(url) { return new URL(url, window.location.href).pathname; }

  // Forms that save this page's record: sent by POST to the page itself.
  var ownForms = Array.prototype.filter.call(document.forms, function (form) {
    return form.method === "post" && pathOf(form.action) === path &&
      !form.closest("#session-warning");
  });

  function textareas() {
    var found = [];
    ownForms.forEach(function (form) {
      Array.prototype.forEach.call(form.querySelectorAll("textarea[name]"), function (area) {
        if (!area.readOnly && !area.disabled) { found.push(area); }
      });
    });
    return found;
  }

  function notice(templateId, at) {
    var node = document.getElementById(templateId).content.firstElementChild.cloneNode(true);
    node.querySelector("[data-at]").textContent = at;
    return node;
  }

  // --- Autosave ---------------------------------------------------------------
  var stopped = false;

  function autosave(area) {
    var timer = null;
    var saved = area.value;
    function save() {
      if (stopped || area.value === saved) { return; }
      var text = area.value;
      send(config.dataset.saveUrl, {path: path, field: area.name, text: text})
        .then(function (response) {
          if (response.status === 204) {
            saved = text;
            document.dispatchEvent(new CustomEvent("insatsportal:activity"));
          } else {
            stopped = true;  // signed out: the form itself is kept when it is sent
          }
        }, function () { /* offline: the next keystroke tries again */ });
    }
    area.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, WAIT);
    });
    area.addEventListener("blur", save);
  }

  // --- Drafts given back ----------------------------------------------------------
  function restoreTyping(area) {
    var draft = drafts.typing[area.name];
    if (!draft) { return; }
    if (draft.text === area.value) { discard({field: area.name}); return; }
    var saved = area.value;
    area.value = draft.text;
    var node = notice("draft-restored-template", draft.at);
    node.querySelector("[data-use-saved]").addEventListener("click", function () {
      area.value = saved;
      discard({field: area.name});
      node.remove();
      area.focus();
    });
    area.parentNode.insertBefore(node, area);
    // A text given back in a folded section of the form is shown, not left folded away.
    for (var d = area.closest("details"); d; d = d.parentElement.closest("details")) {
      d.open = true;
    }
  }

  function fill(form, data) {
    Object.keys(data).forEach(function (name) {
      if (MANAGEMENT.test(name)) { return; }
      var values = data[name];
      var fields = form.querySelectorAll('[name="' + CSS.escape(name) + '"]');
      var next = 0;
      Array.prototype.forEach.call(fields, function (field) {
        if (field.type === "file") { return; }
        if (field.type === "checkbox" || field.type === "radio") {
          field.checked = values.indexOf(field.value) !== -1;
        } else if (field.multiple) {
          Array.prototype.forEach.call(field.options, function (option) {
            option.selected = values.indexOf(option.value) !== -1;
          });
        } else if (next < values.length) {
          field.value = values[next];
          next += 1;
        }
      });
    });
    // A browser sends no unticked box: what is not in the data was not ticked.
    Array.prototype.forEach.call(form.querySelectorAll('input[type="checkbox"][name]'),
      function (box) { if (!(box.name in data)) { box.checked = false; } });
  }

  function restoreKept(kept) {
    var form = Array.prototype.find.call(document.forms, function (candidate) {
      return candidate.method === "post" && (
        pathOf(candidate.action) === kept.action ||
        (candidate.getAttribute("hx-post") && pathOf(candidate.getAttribute("hx-post")) === kept.action));
    });
    if (!form) { return null; }
    fill(form, kept.data);
    // The whole form is to be reviewed: no folded section hides what was filled in again.
    Array.prototype.forEach.call(form.querySelectorAll("details"), function (d) { d.open = true; });
    var node = notice("kept-restored-template", kept.at);
    if (kept.files.length) { node.querySelector("[data-files]").hidden = false; }
    form.parentNode.insertBefore(node, form);
    node.focus();
    discard({kind: "expired_post"});
    return form;
  }

  var keptForm = drafts.kept ? restoreKept(drafts.kept) : null;
  textareas().forEach(function (area) {
    if (keptForm && keptForm.contains(area)) {
      // What was sent is newer than any draft of it.
      if (drafts.typing[area.name]) { discard({field: area.name}); }
    } else {
      restoreTyping(area);
    }
    autosave(area);
  });
}());
