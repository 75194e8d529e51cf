/**
 * The dashboard's only script, served as `/_emulator/ui/script.js`. It does two things:
 * - follows the page's event stream and swaps in the sections the server re-rendered (markup built and
 *   escaped on the server; the script never builds markup from data itself);
 * - sends the control forms to the existing control API with fetch and shows the answer as text.
 * Plain ES2017, no modules, no libraries: the emulator serves it to any local browser as it is.
 */

/** The script text. */
export const SCRIPT = `"use strict";
(function () {
  var body = document.body;
  var live = document.querySelector("[data-live]");
  function setLive(state, text) {
    if (!live) return;
    live.setAttribute("data-live", state);
    live.textContent = text;
  }

  function applySections(sections) {
    Object.keys(sections).forEach(function (name) {
      var target = document.querySelector('[data-section="' + CSS.escape(name) + '"]');
      if (target) target.innerHTML = sections[name];
    });
    // Tests and curious people can see that (and how often) the page followed the emulator.
    body.setAttribute("data-updates", String(Number(body.getAttribute("data-updates") || "0") + 1));
  }

  if (window.EventSource && body.dataset.events) {
    var source = new EventSource(body.dataset.events);
    source.addEventListener("open", function () { setLive("live", "live"); });
    source.addEventListener("error", function () { setLive("reconnecting", "reconnecting…"); });
    source.addEventListener("sections", function (event) { applySections(JSON.parse(event.data)); });
    source.addEventListener("failure", function (event) { setLive("failed", "stream failed: " + JSON.parse(event.data)); });
  }

  function value(form, name) {
    var field = form.elements.namedItem(name);
    return field ? String(field.value).trim() : "";
  }
  function numberOrAbsent(form, name, spec) {
    var text = value(form, name);
    if (text !== "") spec[name] = Number(text);
  }

  // Each form kind becomes one control-API call: [method, path, body].
  var requests = {
    presence: function (form) {
      var anchors = value(form, "anchors").split(/[\\s,]+/).filter(Boolean);
      return ["PUT", "rooms/" + encodeURIComponent(value(form, "sdkAppId")) + "/" + encodeURIComponent(value(form, "roomId")), { anchors: anchors }];
    },
    fault: function (form) {
      var spec = { action: value(form, "action") };
      if (value(form, "error")) spec.error = value(form, "error");
      if (value(form, "drop")) spec.drop = value(form, "drop");
      numberOrAbsent(form, "latencyMs", spec);
      numberOrAbsent(form, "count", spec);
      numberOrAbsent(form, "probability", spec);
      return ["POST", "faults", spec];
    },
    "clear-faults": function () { return ["DELETE", "faults", undefined]; },
    expire: function (form) { return ["POST", "tasks/" + encodeURIComponent(value(form, "taskId")) + "/expire", undefined]; }
  };

  function show(form, ok, text) {
    var out = form.querySelector("output");
    if (!out) return;
    out.className = "result " + (ok ? "ok" : "failed");
    out.textContent = text;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var kind = form.getAttribute && form.getAttribute("data-control");
    if (!kind || !requests[kind]) return;
    event.preventDefault();
    var call = requests[kind](form);
    var init = { method: call[0], headers: {} };
    if (call[2] !== undefined) {
      init.headers["content-type"] = "application/json";
      init.body = JSON.stringify(call[2]);
    }
    show(form, true, "sending…");
    fetch("/_emulator/" + call[1], init)
      .then(function (res) {
        return res.json().then(function (answer) {
          show(form, res.ok, res.ok ? "done" : "refused: " + (answer && answer.error ? answer.error : res.status));
        });
      })
      .catch(function (e) { show(form, false, "failed: " + e.message); });
  });
})();
`;
