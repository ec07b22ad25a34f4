// Onboarding's school search, enhanced: the register's matches are suggested while the person
// types. Without this file "Find school" lists them; a chosen suggestion ends "(URN …)", which
// the form reads as the school's URN.
document.addEventListener("DOMContentLoaded", () => {
  const input = document.querySelector("input[data-school-search]");
  if (!input) return;
  const suggestions = document.createElement("datalist");
  suggestions.id = `${input.id}-suggestions`;
  input.after(suggestions);
  input.setAttribute("list", suggestions.id);
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < 3 || /\(URN \d+\)$/.test(query)) return;
    timer = setTimeout(async () => {
      const url = `${input.dataset.schoolSearch}?q=${encodeURIComponent(query)}`;
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const { schools } = await response.json();
      suggestions.replaceChildren(
        ...schools.map((label) => Object.assign(document.createElement("option"), { value: label })),
      );
    }, 250);
  });
});
