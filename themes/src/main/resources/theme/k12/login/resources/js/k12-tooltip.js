/*
 * Keycloak's "Start Over" tooltip (template.ftl, .kc-login-tooltip) shows while its button is hovered or focused by
 * keyboard. Escape hides it without moving the focus, until the pointer leaves or the focus goes (WCAG 1.4.13,
 * Content on Hover or Focus: dismissible). Loaded as a file: the pages allow no inline script of the pack's.
 */
(function () {
  "use strict";

  var DISMISSED = "k12-tooltip-dismissed";

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".kc-login-tooltip"), function (button) {
      function show() {
        button.classList.remove(DISMISSED);
      }
      button.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
          button.classList.add(DISMISSED);
        }
      });
      button.addEventListener("blur", show);
      button.addEventListener("mouseleave", show);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        Array.prototype.forEach.call(document.querySelectorAll(".kc-login-tooltip:hover"), function (button) {
          button.classList.add(DISMISSED);
        });
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
