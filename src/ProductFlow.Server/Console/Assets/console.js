// The console's only script, served from the host (the pages' policy runs no other): live runs, and dropping a file on an upload box.
"use strict";
(function () {
  var FINAL = { completed: true, failed: true };

  // Rows (or the run page's state) of runs still queued or running: polls live.json once a second and updates them in place;
  // the run page reloads when its run ends, to show the report.
  function followRuns() {
    var holders = Array.prototype.slice.call(document.querySelectorAll("[data-live]"));
    if (holders.length === 0) { return; }
    var url = holders[0].getAttribute("data-live");
    var note = document.getElementById("live-note");
    function active() {
      return Array.prototype.slice.call(document.querySelectorAll("[data-run-id][data-status]"))
        .filter(function (el) { return !FINAL[el.getAttribute("data-status")]; });
    }
    function set(el, field, text) {
      var cell = el.querySelector("[data-field='" + field + "']");
      if (cell && text !== undefined) { cell.textContent = text; }
    }
    function tick() {
      var waiting = active();
      if (waiting.length === 0) { if (note) { note.textContent = ""; } return; }
      var ids = waiting.map(function (el) { return el.getAttribute("data-run-id"); });
      fetch(url + "?ids=" + encodeURIComponent(ids.join(",")), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) { setTimeout(tick, 3000); return; }
          var reload = false;
          data.runs.forEach(function (run) {
            waiting.filter(function (el) { return el.getAttribute("data-run-id") === run.id; }).forEach(function (el) {
              var status = el.querySelector("[data-field='status']");
              if (status) { status.textContent = run.status; status.className = "status status-" + run.status; }
              ["read", "accepted", "rejected", "warnings", "duration", "progress"].forEach(function (f) { set(el, f, run[f]); });
              var bar = el.querySelector("progress");
              if (bar && run.percent !== undefined) { bar.value = Number(run.percent); }
              if (FINAL[run.status]) {
                el.setAttribute("data-status", run.status);
                if (bar) { bar.remove(); }
                if (el.id === "run-state") { reload = true; }
              }
            });
          });
          if (note) { note.textContent = active().length > 0 ? "Running runs update by themselves." : ""; }
          if (reload) { window.location.reload(); return; }
          setTimeout(tick, 1000);
        })
        .catch(function () { setTimeout(tick, 3000); });
    }
    setTimeout(tick, 1000);
  }

  // A file dropped on a drop zone goes into its file input: the form sends it as if it had been chosen.
  function dropZones() {
    Array.prototype.slice.call(document.querySelectorAll(".drop-zone[data-input]")).forEach(function (zone) {
      var input = document.getElementById(zone.getAttribute("data-input"));
      var chosen = zone.querySelector("[aria-live]");
      if (!input) { return; }
      function show() { if (chosen) { chosen.textContent = input.files.length > 0 ? "Chosen: " + input.files[0].name : ""; } }
      ["dragenter", "dragover"].forEach(function (type) {
        zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("over"); });
      });
      ["dragleave", "drop"].forEach(function (type) {
        zone.addEventListener(type, function () { zone.classList.remove("over"); });
      });
      zone.addEventListener("drop", function (e) {
        e.preventDefault();
        if (e.dataTransfer && e.dataTransfer.files.length > 0) { input.files = e.dataTransfer.files; show(); }
      });
      input.addEventListener("change", show);
    });
  }

  function start() { followRuns(); dropZones(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
