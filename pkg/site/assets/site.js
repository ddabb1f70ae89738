// cxmap site: show a step's details when its cell is chosen by click or
// keyboard; on pages served live, reload when the journey files change.
(function () {
  "use strict";
  var panel = document.getElementById("details");
  function show(id, focus) {
    if (!panel) { return false; }
    var found = null;
    var all = panel.querySelectorAll("[data-detail]");
    for (var i = 0; i < all.length; i++) {
      var on = all[i].getAttribute("data-detail") === id;
      all[i].classList.toggle("shown", on);
      if (on) { found = all[i]; }
    }
    var cells = document.querySelectorAll(".blueprint .step");
    for (var k = 0; k < cells.length; k++) {
      var sel = cells[k].getAttribute("data-step") === id;
      cells[k].classList.toggle("selected", sel);
      cells[k].setAttribute("aria-pressed", sel ? "true" : "false");
    }
    panel.classList.toggle("has-selection", !!found);
    if (found && focus) {
      var h = found.querySelector("h3");
      if (h) { h.focus({ preventScroll: false }); }
    }
    return !!found;
  }
  function stepOf(el) {
    while (el && el !== document) {
      if (el.getAttribute && el.getAttribute("data-step") !== null) { return el.getAttribute("data-step"); }
      el = el.parentNode;
    }
    return null;
  }
  // On a narrow screen the panel sits under the blueprint: a step chosen
  // in the stage view gets the panel right under its stage, not under
  // every stage; on a wide screen it goes back beside the blueprint.
  var home = panel ? panel.parentNode : null;
  var narrow = window.matchMedia ? window.matchMedia("(max-width:900px)") : null;
  function place(el) {
    if (!panel || !narrow) { return; }
    var stage = el && el.closest ? el.closest(".bp-stage") : null;
    if (narrow.matches && stage) {
      stage.appendChild(panel);
    } else if (panel.parentNode !== home) {
      home.appendChild(panel);
    }
  }
  if (narrow && narrow.addEventListener) {
    narrow.addEventListener("change", function () { if (!narrow.matches) { place(null); } });
  }
  document.addEventListener("click", function (e) {
    var id = stepOf(e.target);
    if (id !== null) { place(e.target); show(id, false); return; }
    var a = e.target.closest ? e.target.closest("a[data-show]") : null;
    if (a && show(a.getAttribute("data-show"), true)) {
      e.preventDefault();
      panel.scrollIntoView({ block: "nearest" });
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" && e.key !== " ") { return; }
    var t = e.target;
    if (t && t.getAttribute && t.getAttribute("role") === "button" && t.getAttribute("data-step") !== null) {
      e.preventDefault();
      place(t);
      show(t.getAttribute("data-step"), true);
    }
  });
  function fromHash() {
    var h = decodeURIComponent(location.hash || "");
    if (h.indexOf("#step-") === 0 && show(h.slice(6), false)) {
      var bp = document.getElementById("blueprint");
      if (bp) { bp.scrollIntoView(); }
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  if (document.body.getAttribute("data-live") === "1" && window.EventSource) {
    // The server sends its version on connecting and after every change;
    // a page made from an older one reloads.
    var mine = document.body.getAttribute("data-version");
    var es = new EventSource("/_cxmap/events");
    // A notice (a served folder removed, say) shows in a banner until
    // the server takes it back.
    es.addEventListener("notice", function (e) {
      var b = document.getElementById("live-notice");
      if (!e.data) { if (b) { b.parentNode.removeChild(b); } return; }
      if (!b) {
        b = document.createElement("p");
        b.id = "live-notice";
        b.className = "live-notice";
        b.setAttribute("role", "status");
        document.body.insertBefore(b, document.body.firstChild);
      }
      b.textContent = e.data;
    });
    es.addEventListener("version", function (e) {
      window.cxmapLive = 1; // connected (the browser tests wait for it)
      if (e.data !== mine) { es.close(); location.reload(); }
    });
  }
})();
