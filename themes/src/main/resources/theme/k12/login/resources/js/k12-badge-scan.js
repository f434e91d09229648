/*
 * "Scan Student QR Code": opens the device camera inside the page (rear camera preferred), decodes QR codes in the
 * browser with the theme's own copy of html5-qrcode (the native BarcodeDetector where the browser has one) and posts
 * the badge's payload to the login step. Camera images never leave the device. A keyboard-wedge scanner needs none of
 * this: it types the payload into the username field and presses Enter.
 */
(function () {
  "use strict";

  function start() {
    var button = document.getElementById("k12-badge-scan");
    if (!button) {
      return;
    }
    var panel = document.getElementById("k12-badge-panel");
    var status = document.getElementById("k12-badge-status");
    var startOver = document.getElementById("k12-badge-start-over");
    var form = document.getElementById("k12-badge-form");
    var value = document.getElementById("k12-badge-value");
    var words = document.getElementById("k12-badge-messages").dataset;
    var scanner = null;
    var starting = null;
    var submitted = false;

    function say(text) {
      status.textContent = text;
    }

    // The library refuses stop() until its start() has settled, and it can read a badge before then (a child holding
    // the badge up early on a slow device): stop once the start has settled, never throw into the caller.
    function stop() {
      if (!scanner) {
        return;
      }
      var running = scanner;
      var ready = starting;
      scanner = null;
      starting = null;
      ready.then(function () {
        return running.stop();
      }).then(function () {
        if (!scanner) {
          running.clear(); // not when a new scan already uses the same box
        }
      }).catch(function () { /* never started, or already stopped */ });
    }

    function submit(text) {
      if (submitted) {
        return;
      }
      submitted = true;
      stop();
      value.value = text;
      form.submit();
    }

    function explain(error) {
      var text = String((error && (error.name || error.message)) || error);
      if (/NotAllowed|Permission|denied/i.test(text)) {
        say(words.denied);
      } else if (/NotFound|DevicesNotFound|Overconstrained|Requested device not found/i.test(text)) {
        say(words.noCamera);
      } else {
        say(words.error);
      }
    }

    button.addEventListener("click", function () {
      panel.hidden = false;
      button.hidden = true;
      startOver.focus(); // the pressed button is gone: the focus goes to the panel's control, not to the page
      if (!window.isSecureContext) {
        say(words.insecure);
        return;
      }
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        say(words.noCamera);
        return;
      }
      if (typeof Html5Qrcode === "undefined") {
        say(words.error);
        return;
      }
      say(words.scanning);
      var created = new Html5Qrcode("k12-badge-reader", {
        formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
        experimentalFeatures: { useBarCodeDetectorIfSupported: true },
        verbose: false
      });
      scanner = created;
      starting = created.start({ facingMode: "environment" }, { fps: 10 }, submit, function () { /* no code in this frame */ });
      starting.catch(function (error) {
        if (scanner === created) {
          scanner = null;
          starting = null;
          explain(error);
        }
      });
    });

    startOver.addEventListener("click", function () {
      stop();
      panel.hidden = true;
      button.hidden = false;
      say("");
      var username = document.getElementById("username");
      if (username) {
        username.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
