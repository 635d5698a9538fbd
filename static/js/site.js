// Small screens: the header's menus fold behind a "Menu" button. Without JavaScript (or on wide
// screens) every menu stays visible; the button only exists where it helps.
(function () {
  var header = document.querySelector(".site-header");
  var button = header && header.querySelector(".menu-toggle");
  if (!button) return;
  var small = window.matchMedia("(max-width: 40rem)");
  function fold(closed) {
    header.classList.toggle("menus-closed", closed);
    button.setAttribute("aria-expanded", closed ? "false" : "true");
  }
  function apply() {
    button.hidden = !small.matches;
    fold(small.matches);
  }
  button.addEventListener("click", function () {
    fold(!header.classList.contains("menus-closed"));
  });
  if (small.addEventListener) small.addEventListener("change", apply);
  apply();
})();

// A form that came back with errors: move focus to its error summary, so a screen reader
// announces it and a keyboard user starts from the list of links to each field.
(function () {
  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
})();
