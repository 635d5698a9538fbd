// Marks a lesson as done when its end scrolls into view (the button still works without this).
(function () {
  var end = document.getElementById("lesson-end");
  if (!end || end.dataset.done || !("IntersectionObserver" in window)) return;
  var form = end.querySelector("form");
  var token = form && form.querySelector("input[name=csrfmiddlewaretoken]");
  if (!token) return;
  var observer = new IntersectionObserver(function (entries) {
    if (!entries[0].isIntersecting) return;
    observer.disconnect();
    fetch(end.dataset.doneUrl, {
      method: "POST",
      headers: { "X-CSRFToken": token.value, "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      if (response.ok) {
        end.dataset.done = "1";
        end.setAttribute("role", "status");
        end.textContent = "✓ " + (document.documentElement.lang === "es" ? "Lección completada." :
          document.documentElement.lang === "fr" ? "Leçon terminée." :
          document.documentElement.lang === "pt" ? "Lição concluída." : "Lesson completed.");
      }
    });
  }, { threshold: 1.0 });
  // Only after the learner has scrolled: a short lesson must not count as read on arrival.
  window.addEventListener("scroll", function start() {
    window.removeEventListener("scroll", start);
    observer.observe(end);
  }, { passive: true });
})();
