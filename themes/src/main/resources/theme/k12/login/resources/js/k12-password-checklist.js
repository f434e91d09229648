/*
 * Live password checklist for every page where a password is chosen (a field with id "password-new").
 * The rules and their judgement come from the server (POST /realms/{realm}/k12-password-rules/check), which applies the
 * realm's own configured password policies to the person of this login session: the list follows the admin console's
 * policy with no code change, and it is green exactly when the server would accept the password. The server still
 * judges the password again when the form is sent. Texts are inserted as text, never as HTML.
 */
(function () {
  "use strict";

  function start() {
    var field = document.getElementById("password-new");
    if (!field || !field.form || !window.fetch || !window.URLSearchParams) {
      return;
    }
    var action = new URL(field.form.getAttribute("action"), window.location.href);
    var clientId = action.searchParams.get("client_id");
    var tabId = action.searchParams.get("tab_id");
    var at = action.pathname.indexOf("/login-actions/");
    if (!clientId || !tabId || at < 0) {
      return;
    }
    var endpoint = action.pathname.substring(0, at) + "/k12-password-rules/check";

    var box = document.createElement("div");
    box.id = "k12-password-checklist";
    box.className = "k12-checklist";
    box.hidden = true;
    var title = document.createElement("p");
    title.id = "k12-checklist-title";
    title.className = "k12-checklist-title";
    var list = document.createElement("ul");
    list.className = "k12-checklist-rules";
    list.setAttribute("aria-labelledby", title.id);
    var summary = document.createElement("p");
    summary.id = "k12-checklist-summary";
    summary.className = "k12-checklist-summary";
    summary.setAttribute("role", "status");
    summary.setAttribute("aria-live", "polite");
    box.appendChild(title);
    box.appendChild(list);
    box.appendChild(summary);

    var group = field.closest(".pf-v5-c-form__group") || field.parentNode;
    group.parentNode.insertBefore(box, group.nextSibling);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + summary.id);

    var timer = null;
    var sequence = 0;

    function check() {
      var mine = ++sequence;
      var body = new URLSearchParams();
      body.append("password", field.value);
      body.append("client_id", clientId);
      body.append("tab_id", tabId);
      fetch(endpoint, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: body.toString()
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (result) {
        if (result && mine === sequence) {
          render(result);
        }
      }).catch(function () {
        /* the server judges the password when the form is sent */
      });
    }

    function render(result) {
      title.textContent = result.labels.title;
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      result.rules.forEach(function (rule) {
        // "met" is absent for rules judged only when the form is sent
        var state = rule.met === true ? "met" : rule.met === false ? "unmet" : "pending";
        var item = document.createElement("li");
        item.className = "k12-rule k12-rule-" + state;
        item.setAttribute("data-policy", rule.policy);
        var icon = document.createElement("span");
        icon.className = "k12-rule-icon";
        icon.setAttribute("aria-hidden", "true");
        icon.textContent = state === "met" ? "\u2713" : state === "unmet" ? "\u2717" : "\u2022";
        var text = document.createElement("span");
        text.textContent = rule.text;
        var label = document.createElement("span");
        label.className = "k12-sr-only";
        label.textContent = " (" + (state === "met" ? result.labels.ruleMet
            : state === "unmet" ? result.labels.ruleNotMet : result.labels.ruleOnSubmit) + ")";
        item.appendChild(icon);
        item.appendChild(text);
        item.appendChild(label);
        list.appendChild(item);
      });
      summary.textContent = result.summary;
      summary.className = "k12-checklist-summary " + (result.met ? "k12-checklist-met" : "k12-checklist-unmet");
      box.setAttribute("data-met", result.met ? "true" : "false");
      box.hidden = false;
    }

    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, 150);
    });
    check();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
