// Progressive enhancements only: every page works without this file.
document.documentElement.classList.remove("no-js");

document.addEventListener("DOMContentLoaded", () => {
  // Move focus to a form's error summary so screen-reader users hear what went wrong.
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();

  // Panels that come before the main content (search filters) start closed on a phone, so the
  // content comes first; they stay one tap away.
  if (window.matchMedia("(max-width: 40rem)").matches) {
    document.querySelectorAll("details[data-collapse-on-phone]").forEach((panel) => { panel.open = false; });
  }

  // Warn before leaving a form with unsaved changes (forms opt in with data-warn-unsaved).
  document.querySelectorAll("form[data-warn-unsaved]").forEach((form) => {
    let dirty = false;
    form.addEventListener("input", () => { dirty = true; });
    form.addEventListener("submit", () => { dirty = false; });
    // Sent by a form's autosave once everything typed so far is kept.
    form.addEventListener("nlc:saved", () => { dirty = false; });
    window.addEventListener("beforeunload", (event) => {
      if (dirty) { event.preventDefault(); event.returnValue = ""; }
    });
  });
});
