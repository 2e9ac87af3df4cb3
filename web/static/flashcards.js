// Flashcard keys, as in Anki: space shows the answer, 1-4 rate the card (Again, Hard, Good, Easy).
// Each control says its key in data-key; the card is swapped by htmx, so the control is looked up on each key.
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
  const target = event.target;
  if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
  // a focused button already answers space itself (on the back, the focused Good button)
  if (event.key === " " && target.tagName === "BUTTON") return;
  const card = document.getElementById("card");
  const control = card && card.querySelector(`[data-key="${CSS.escape(event.key)}"]`);
  if (!control) return;
  event.preventDefault();
  control.click();
});
