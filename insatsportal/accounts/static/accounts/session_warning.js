// Warns a few minutes before the idle limit and keeps the session when asked
// (accounts/session_warning.html). Tabs share the time of the last use through
// localStorage, so work in one tab keeps the others from warning.
// The server notes a session's use at most every SESSION_ACTIVITY_WRITE_SECONDS and counts
// the idle limit from the noted time: a page says how long it has left, and a request made
// without leaving the page counts as use from that long ago, never later than the server.
(function () {
  "use strict";
  var box = document.getElementById("session-warning");
  if (!box) { return; }
  var KEY = "insatsportal.lastActivity";
  var idle = Number(box.dataset.idleSeconds) * 1000;
  var warnBefore = Number(box.dataset.warningSeconds) * 1000;
  // The absolute limit ends the session however active it is; staying signed in cannot help.
  var absoluteEnd = Date.now() + Number(box.dataset.secondsLeftInAll) * 1000;
  var writeEvery = Number(box.dataset.activityWriteSeconds) * 1000;
  var idleReason = box.querySelector('[data-reason="idle"]');
  var absoluteReason = box.querySelector('[data-reason="absolute"]');
  var warning = box.querySelector('[data-state="warning"]');
  var ended = box.querySelector('[data-state="ended"]');
  var countdown = box.querySelector("[data-countdown]");
  var form = box.querySelector("form");
  var lastHere = Date.now() - idle + Number(box.dataset.idleSecondsLeft) * 1000;

  function shared() {
    try { return Number(window.localStorage.getItem(KEY)) || 0; } catch (e) { return 0; }
  }

  function lastActivity() { return Math.max(lastHere, shared()); }

  function clock(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var rest = seconds % 60;
    return Math.floor(seconds / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function showEnded() {
    box.hidden = false;
    warning.hidden = true;
    ended.hidden = false;
  }

  function render() {
    var idleEnd = lastActivity() + idle;
    var absolute = absoluteEnd < idleEnd;
    var left = Math.min(idleEnd, absoluteEnd) - Date.now();
    if (left <= 0) { showEnded(); return; }
    if (left > warnBefore) { box.hidden = true; return; }
    var appearing = box.hidden;
    box.hidden = false;
    warning.hidden = false;
    ended.hidden = true;
    idleReason.hidden = absolute;
    absoluteReason.hidden = !absolute;
    form.hidden = absolute;
    countdown.textContent = clock(left);
    // Reach the button at once, unless the user is in the middle of a field.
    if (appearing && !absolute &&
        (!document.activeElement || document.activeElement === document.body)) {
      form.querySelector("button").focus();
    }
  }

  function noteActivity(at) {
    lastHere = Math.max(lastHere, at);
    try { window.localStorage.setItem(KEY, String(lastActivity())); } catch (e) { /* private mode */ }
    render();
  }

  function noteRequest() { noteActivity(Date.now() - writeEvery); }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: {"Accept": "application/json"}
    }).then(function (response) {
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      if (response.ok && json) { noteActivity(Date.now()); } else { showEnded(); }
    }, showEnded);
  });
  // Requests made without leaving the page also count as use.
  document.addEventListener("htmx:afterRequest", noteRequest);
  document.addEventListener("insatsportal:activity", noteRequest);
  window.addEventListener("storage", function (event) { if (event.key === KEY) { render(); } });
  noteActivity(lastHere);
  window.setInterval(render, 1000);
}());
