/* nashr serve: reloads the page after a rebuild and shows build errors over it. */
(function () {
  var version = null;
  function overlay(errors) {
    var box = document.getElementById("nashr-errors");
    if (!errors.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "nashr-errors";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;z-index:99999;" +
        "background:#2b0a0a;color:#ffe5e5;font:14px/1.5 ui-monospace,monospace;padding:1rem;white-space:pre-wrap;direction:ltr;text-align:left";
      document.body.appendChild(box);
    }
    box.textContent = "nashr: the last change has errors; this is the last good build.\n\n" + errors.join("\n\n");
  }
  function poll() {
    fetch("/__nashr/status", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (version !== null && s.version !== version) { location.reload(); return; }
        version = s.version;
        overlay(s.errors);
        setTimeout(poll, 400);
      })
      .catch(function () { setTimeout(poll, 1500); });
  }
  poll();
})();
