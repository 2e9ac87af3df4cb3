// Ordering by drag (SortableJS) and by keyboard, on top of forms that work without script.
//  - ol[data-order]: a timeline answer. Each <li> holds a select naming its place; once enhanced, the selects
//    are hidden and follow the order of the list, which is dragged or moved with the arrow buttons.
//  - ol[data-move-list]: the set editor. Dropping a question (by its .drag-handle) posts its new place (the
//    data-position of the question it lands on) to its data-move-url, and htmx redraws the list.
(function () {
  "use strict";

  function items(list) {
    return Array.from(list.children).filter((el) => el.tagName === "LI");
  }

  function syncPlaces(list) {
    items(list).forEach((li, i) => {
      const select = li.querySelector("select");
      if (select) select.value = String(i + 1);
      const place = li.querySelector(".place");
      if (place) place.textContent = String(i + 1);
    });
  }

  function arrow(label, text, onClick) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "small secondary";
    button.textContent = text;
    button.setAttribute("aria-label", label);
    button.addEventListener("click", onClick);
    return button;
  }

  function enhanceTimeline(list) {
    const focusFirst = list.querySelector("select[autofocus]") !== null;
    // start from the order the selects hold (a redrawn form keeps the learner's order)
    items(list)
      .map((li) => [Number(li.querySelector("select").value), li])
      .sort((a, b) => a[0] - b[0])
      .forEach(([, li]) => list.appendChild(li));
    items(list).forEach((li) => {
      const name = li.querySelector("label").textContent.trim();
      const place = document.createElement("span");
      place.className = "place";
      place.setAttribute("aria-hidden", "true");
      li.prepend(place);
      const move = (step, button) => {
        const all = items(list);
        const to = all.indexOf(li) + step;
        if (to < 0 || to >= all.length) return;
        list.insertBefore(li, step < 0 ? all[to] : all[to].nextSibling);
        syncPlaces(list);
        button.focus();
      };
      const buttons = document.createElement("span");
      buttons.className = "arrows";
      const up = arrow(`Move “${name}” earlier`, "↑", () => move(-1, up));
      const down = arrow(`Move “${name}” later`, "↓", () => move(1, down));
      buttons.append(up, down);
      li.append(buttons);
    });
    list.classList.add("sortable");
    syncPlaces(list);
    Sortable.create(list, { animation: 150, filter: "button", preventOnFilter: false, delayOnTouchOnly: true, delay: 150,
                           onEnd: () => syncPlaces(list) });
    if (focusFirst) list.querySelector("button").focus();
  }

  function enhanceEditor(list) {
    list.classList.add("sortable");
    Sortable.create(list, {
      animation: 150,
      handle: ".drag-handle",
      forceFallback: true,  // pointer events, not the browser's drag and drop: the same on every device
      onEnd: (event) => {
        if (event.oldIndex === event.newIndex) return;
        const handle = event.item.querySelector(".drag-handle");
        // the question now next to it in the list held the place it takes
        const all = items(list);
        const neighbour = all[event.newIndex + (event.newIndex > event.oldIndex ? -1 : 1)].querySelector(".drag-handle");
        htmx.ajax("POST", handle.dataset.moveUrl, {
          source: handle, target: "#questions", swap: "outerHTML", values: { position: neighbour.dataset.position },
        });
      },
    });
  }

  htmx.onLoad((root) => {
    const scope = root.querySelectorAll ? root : document;
    const pick = (selector) => [...(scope.matches && scope.matches(selector) ? [scope] : []), ...scope.querySelectorAll(selector)];
    pick("ol[data-order]:not(.sortable)").forEach(enhanceTimeline);
    pick("ol[data-move-list]:not(.sortable)").forEach(enhanceEditor);
  });
})();
