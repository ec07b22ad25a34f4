// Autosave for the artefact form (a progressive enhancement: without it the form's buttons do
// everything). Every ~20 s, when something changed, posts the form's words and choices to its
// data-autosave-url (artefacts.views.autosave) and says when it last saved. Files wait for
// "Save draft". One request at a time, so a new artefact's first autosave starts one draft.
(() => {
  const form = document.querySelector("form[data-autosave-url]");
  const status = document.getElementById("autosave-status");
  if (!form || !status || !window.fetch || !window.FormData) return;

  const NOT_AUTOSAVED = ["new_file", "pending_uploads", "remove_pending", "remove_resources", "then"];
  const seconds = Number(form.dataset.autosaveSeconds) || 20;
  let changed = false;
  let saving = false;
  let leaving = false;

  const markChanged = () => { changed = true; };
  form.addEventListener("input", markChanged);
  form.addEventListener("change", markChanged);
  form.addEventListener("submit", () => { leaving = true; });

  const say = (text) => { status.textContent = text; };

  async function save() {
    if (!changed || saving || leaving) return;
    saving = true;
    changed = false;
    const data = new FormData(form);
    NOT_AUTOSAVED.forEach((name) => data.delete(name));
    try {
      const response = await fetch(form.dataset.autosaveUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      let body = {};
      try { body = await response.json(); } catch (error) { body = {}; }
      if (leaving) return;
      if (response.ok && body.saved) {
        say(`Saved at ${body.saved_at}`);
        const fileWaiting = [...form.querySelectorAll("input[type='file']")].some((input) => input.files.length);
        if (!changed && !fileWaiting) form.dispatchEvent(new CustomEvent("nlc:saved"));
        const base = form.querySelector("input[name='base_revision']");
        if (base) base.value = body.base_revision;
        if (body.edit_url && form.dataset.autosaveUrl !== body.autosave_url) {
          form.action = body.edit_url;
          form.dataset.autosaveUrl = body.autosave_url;
          window.history.replaceState(null, "", body.edit_url);
        }
      } else {
        say(body.message || "Not saved automatically: use “Save draft”.");
      }
    } catch (error) {
      changed = true;  // try again next time
      say("Not saved automatically: check your connection, or use “Save draft”.");
    } finally {
      saving = false;
    }
  }

  window.setInterval(save, seconds * 1000);
})();
