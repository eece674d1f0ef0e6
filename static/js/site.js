// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-print]");
    if (button) {
      event.preventDefault();
      window.print();
    }
  });
  // A form with a search box and answer fields (the coding sample): Enter in an answer field
  // checks the answers rather than running the search, whose button comes first in the form.
  document.addEventListener("keydown", function (event) {
    var field = event.target.closest && event.target.closest("[data-enter-action]");
    if (event.key !== "Enter" || !field || !field.form) return;
    var button = field.form.querySelector('button[name="action"][value="' + field.dataset.enterAction + '"]');
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
  // Folded panels (the role filters) start open on a wide screen, where there is room beside
  // the list; on a phone they stay folded so the first role shows on the first screen.
  if (window.matchMedia && window.matchMedia("(min-width: 992px)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (panel) { panel.open = true; });
  }
})();
