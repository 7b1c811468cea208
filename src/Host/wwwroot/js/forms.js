// Forms work without this script; with it, two things get easier:
// 1. After a refused submit the error summary takes the focus (and so the screen reader's and the eye's attention)
//    instead of leaving the person at the top of a long page.
// 2. A text field with data-max shows how much room is left once the text comes close to its limit. Nothing is ever
//    cut: a text over the limit is refused by the server with a message that names the limit.
document.addEventListener("DOMContentLoaded", () => {
  const summary = Array.from(document.querySelectorAll(".error-summary, .validation-summary-errors"))
    .find((s) => s.textContent.trim().length > 0 && s.offsetParent !== null);
  if (summary) {
    if (!summary.hasAttribute("tabindex")) {
      summary.setAttribute("tabindex", "-1");
    }
    summary.focus();
    summary.scrollIntoView({ block: "start" });
  }

  document.querySelectorAll("[data-max]").forEach((field) => {
    const max = Number(field.dataset.max);
    const counter = document.createElement("span");
    counter.className = "hint counter";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    const update = () => {
      const length = field.value.length;
      if (length < max * 0.8) {
        counter.textContent = "";
      } else if (length <= max) {
        counter.textContent = `Noch ${(max - length).toLocaleString("de-DE")} von ${max.toLocaleString("de-DE")} Zeichen.`;
      } else {
        counter.textContent = `${(length - max).toLocaleString("de-DE")} Zeichen zu viel: höchstens ${max.toLocaleString("de-DE")} Zeichen.`;
      }
    };
    field.addEventListener("input", update);
    update();
  });
});
