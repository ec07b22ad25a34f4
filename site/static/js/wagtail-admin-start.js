// Starts what Wagtail's admin would start with inline scripts, which the Content-Security-Policy
// forbids: date and time pickers, choosers, inline panels and multiple-chooser panels. The templates in
// nlc/templates/wagtailadmin (and nlc.csp, for choosers) load this file instead, with what the inline script held as data
// attributes on its own <script> tag. It may run many times; each tag is started once.
(function () {
  "use strict";

  var starters = {
    date: function (data) {
      window.initDateChooser(data.inputId, JSON.parse(data.config));
    },
    time: function (data) {
      window.initTimeChooser(data.inputId, JSON.parse(data.config));
    },
    datetime: function (data) {
      window.initDateTimeChooser(data.inputId, JSON.parse(data.config));
    },
    "inline-panel": function (data) {
      new window.InlinePanel(JSON.parse(data.options));
    },
    "multiple-chooser-panel": function (data) {
      new window.MultipleChooserPanel(JSON.parse(data.options));
    },
    chooser: function (data) {
      if (/^[A-Za-z]*Chooser$/.test(data.chooserClass)) {
        new window[data.chooserClass](data.inputId, JSON.parse(data.options));
      }
    },
  };

  function startAll() {
    document.querySelectorAll("script[data-wagtail-start]:not([data-started])").forEach((tag) => {
      tag.setAttribute("data-started", "");
      starters[tag.dataset.wagtailStart](tag.dataset);
    });
  }

  if (!window.__wagtailAdminStart) {
    window.__wagtailAdminStart = true;
    // Forms added later (an inline panel's new child) bring their own tags.
    new MutationObserver(startAll).observe(document.documentElement, {
      childList: true,
      subtree: true,
    });
  }
  startAll();
})();
