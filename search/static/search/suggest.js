// Title suggestions for the search box: the ARIA 1.2 combobox pattern with a listbox popup.
// Progressive enhancement: without this script the box is a plain search field.
(function () {
  "use strict";

  const DEBOUNCE_MS = 200;
  const MIN_LENGTH = 2;

  function enhance(container) {
    const input = container.querySelector("input");
    const url = container.dataset.suggestUrl;
    if (!input || !url) return;

    const listId = input.id + "-suggestions";
    const list = document.createElement("ul");
    list.id = listId;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggested titles");
    list.className = "suggestions";
    list.hidden = true;

    const status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");

    container.appendChild(list);
    container.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    let items = [];
    let active = -1;
    let timer = null;
    let controller = null;

    function announce(text) {
      status.textContent = text;
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (!items.length) return close();
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function setActive(index) {
      const options = list.querySelectorAll("[role=option]");
      options.forEach((option, i) => {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      const item = items[index];
      if (item) window.location.assign(item.url);
    }

    function render(suggestions) {
      items = suggestions;
      list.textContent = "";
      suggestions.forEach((suggestion, index) => {
        const option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "suggestions__option";
        option.textContent = suggestion.title;
        if (suggestion.kind === "network") {
          const kind = document.createElement("span");
          kind.className = "suggestions__kind";
          kind.textContent = " (network)";
          option.appendChild(kind);
        }
        // mousedown, not click: it fires before the input loses focus and closes the list.
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(index);
        });
        list.appendChild(option);
      });
      active = -1;
      if (suggestions.length) {
        open();
        announce(
          suggestions.length + (suggestions.length === 1 ? " suggestion" : " suggestions") +
          " available. Use the up and down arrow keys to review, Enter to open."
        );
      } else {
        close();
        announce("No suggestions.");
      }
    }

    function fetchSuggestions() {
      const text = input.value.trim();
      if (text.length < MIN_LENGTH) {
        items = [];
        close();
        return;
      }
      if (controller) controller.abort();
      controller = new AbortController();
      fetch(url + "?" + new URLSearchParams({ q: text }), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller.signal,
      })
        .then((response) => (response.ok ? response.json() : { suggestions: [] }))
        .then((data) => render(data.suggestions || []))
        .catch((error) => {
          if (error.name !== "AbortError") close();
        });
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", (event) => {
      const expanded = !list.hidden;
      switch (event.key) {
        case "ArrowDown":
          if (!items.length) return;
          event.preventDefault();
          if (!expanded) open();
          setActive(active + 1 >= items.length ? 0 : active + 1);
          break;
        case "ArrowUp":
          if (!items.length) return;
          event.preventDefault();
          if (!expanded) open();
          setActive(active - 1 < 0 ? items.length - 1 : active - 1);
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            choose(active);
          }
          // Otherwise the form submits the search as usual.
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
          }
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", () => {
      // Let a mousedown on an option run first.
      setTimeout(close, 150);
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-search-suggest]").forEach(enhance);
  });
})();
