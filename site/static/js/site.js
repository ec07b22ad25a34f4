// Progressive enhancements only: every page works without this file.
document.documentElement.classList.remove("no-js");

document.addEventListener("DOMContentLoaded", () => {
  // Move focus to a form's error summary so screen-reader users hear what went wrong.
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();

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
