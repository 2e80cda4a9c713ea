// Kanban board: drag a card to another stage; the server applies the stage rules and answers with the card,
// updated or carrying the reason it was refused (then the card goes back where it came from).
(() => {
  const token = () => document.querySelector('input[name="__RequestVerificationToken"]')?.value ?? "";

  const bump = (list, delta) => {
    const count = list.closest(".board-column")?.querySelector("[data-count]");
    if (count) count.textContent = String(Number(count.textContent) + delta);
  };

  const replace = (card, html) => {
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    if (template.content.firstElementChild) card.replaceWith(template.content.firstElementChild);
  };

  async function moved(event) {
    if (event.from === event.to) return;
    const card = event.item;
    const body = new FormData();
    body.append("toStageId", event.to.dataset.stageId);
    body.append("version", card.dataset.version);
    const response = await fetch(`/projects/${card.dataset.id}/move`, {
      method: "POST", body, headers: { RequestVerificationToken: token(), "HX-Request": "true" },
    });
    if (response.ok) {
      bump(event.from, -1);
      bump(event.to, 1);
    } else {
      event.from.insertBefore(card, event.from.children[event.oldIndex] ?? null);
    }
    if (response.ok || response.status === 422) replace(card, await response.text());
  }

  const init = () => {
    document.querySelectorAll(".board-cards:not([data-sortable])").forEach((list) => {
      list.dataset.sortable = "true";
      Sortable.create(list, { group: "board", draggable: '.board-card[data-can-move="true"]', animation: 150, onEnd: moved });
    });
  };

  init();
  document.addEventListener("htmx:afterSettle", init);
})();
