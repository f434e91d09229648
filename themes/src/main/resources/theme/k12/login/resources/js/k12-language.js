/*
 * The language select of the sign-in pages (template.ftl, id login-select-toggle): each option's value is the address
 * of the page in that language. A choice made with the mouse or a finger opens it at once; with the keyboard, the
 * arrow keys only move through the languages and Enter opens the one selected, so that browsing the list never
 * reloads the page (WCAG 3.2.2, On Input). Loaded as a file: the pages allow no inline script of the pack's.
 */
(function () {
  "use strict";

  function start() {
    var select = document.getElementById("login-select-toggle");
    if (!select) {
      return;
    }
    var byKeyboard = false;

    function open() {
      var option = select.options[select.selectedIndex];
      if (option && !option.defaultSelected && select.value) {
        window.location.href = select.value;
      }
    }

    select.addEventListener("pointerdown", function () {
      byKeyboard = false;
    });
    select.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        open();
      } else {
        byKeyboard = true;
      }
    });
    select.addEventListener("change", function () {
      if (!byKeyboard) {
        open();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
