// "I'm not a robot" (captcha.ftl): gives the ALTCHA widget the theme's texts, in the page's language. The widget reads
// them from its language "k12", set here from the data-* attributes the template filled with the theme's messages.
(function () {
  'use strict';
  var box = document.getElementById('k12-captcha');
  if (!box || !window.$altcha || !window.$altcha.i18n) {
    return;
  }
  var d = box.dataset;
  var english = window.$altcha.i18n.get('en') || {};
  var strings = Object.assign({}, english, {
    label: d.label,
    verifying: d.verifying,
    verified: d.verified,
    error: d.error,
    expired: d.expired,
    waitAlert: d.waitAlert,
    verificationRequired: d.verificationRequired
  });
  window.$altcha.i18n.set('k12', strings);

  // WCAG 4.1.3: the widget's state is said by a polite live region, not only by its label changing
  var status = document.createElement('p');
  status.id = 'k12-captcha-status';
  status.className = 'k12-captcha-status';
  status.setAttribute('aria-live', 'polite');
  box.appendChild(status);
  var said = {verifying: d.verifying, verified: d.verified, error: d.error, expired: d.expired};
  var widget = box.querySelector('altcha-widget');
  if (widget) {
    widget.addEventListener('statechange', function (event) {
      var state = event.detail && event.detail.state;
      status.textContent = said[state] || '';
    });
  }
})();
