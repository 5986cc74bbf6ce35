// Dépêches: suggestions under the search box, an ARIA combobox (listbox
// popup, aria-activedescendant). Completions of the word being typed, and
// people and organisations of the archive; choosing a name applies it as a
// filter. It never holds typing up: each keystroke asks, the previous
// question is dropped, and the page works without it.
(() => {
  'use strict';

  const input = () => document.getElementById('q');
  const list = () => document.getElementById('suggestions');
  let controller = null;
  let active = -1;
  /** Set while a chosen option's own input event runs: it asks for no suggestions. */
  let choosing = false;

  const options = () => [...(list()?.querySelectorAll('[role="option"]') ?? [])];

  const close = () => {
    const box = list();
    const q = input();
    if (!box || !q) return;
    box.hidden = true;
    box.replaceChildren();
    active = -1;
    q.setAttribute('aria-expanded', 'false');
    q.removeAttribute('aria-activedescendant');
  };

  const highlight = (index) => {
    const all = options();
    const q = input();
    active = all.length === 0 ? -1 : (index + all.length) % all.length;
    all.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      q.setAttribute('aria-activedescendant', all[active].id);
      all[active].scrollIntoView({ block: 'nearest' });
    } else q.removeAttribute('aria-activedescendant');
  };

  const ask = async () => {
    const q = input();
    const box = list();
    if (!q || !box) return;
    controller?.abort();
    if (!q.value.trim()) return close();
    const asked = (controller = new AbortController());
    const params = new URLSearchParams(new FormData(document.getElementById('recherche')));
    try {
      const response = await fetch(`/suggestions?${params}`, { signal: asked.signal, headers: { Accept: 'text/html' } });
      if (!response.ok) return close();
      const html = await response.text();
      // A later keystroke asked again while this body was read: its list, not this older one, is shown.
      if (asked.signal.aborted || document.activeElement !== q) return;
      box.innerHTML = html;
      active = -1;
      const any = options().length > 0;
      box.hidden = !any;
      q.setAttribute('aria-expanded', String(any));
      q.removeAttribute('aria-activedescendant');
    } catch {
      // Aborted by the next keystroke, or the server is away: no suggestions, typing goes on.
    }
  };

  const choose = (option) => {
    const q = input();
    controller?.abort();
    close();
    q.value = option.dataset.q;
    q.focus();
    if (option.classList.contains('option-nom')) {
      window.htmx?.ajax('GET', option.dataset.href, { target: '#contenu', push: 'true' });
    } else {
      choosing = true;
      q.dispatchEvent(new Event('input', { bubbles: true }));
      choosing = false;
    }
  };

  document.addEventListener('input', (event) => {
    if (event.target === input() && !choosing) ask();
  });

  document.addEventListener('keydown', (event) => {
    const q = input();
    if (event.target !== q) return;
    const open = !list()?.hidden && options().length > 0;
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && open && !event.altKey) {
      // The arrows move through the suggestions first; past them, app.js moves to the results.
      if (event.key === 'ArrowDown' && active === options().length - 1) return close();
      event.preventDefault();
      event.stopImmediatePropagation();
      highlight(event.key === 'ArrowDown' ? active + 1 : active - 1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      event.stopPropagation();
      choose(options()[active]);
    } else if (event.key === 'Enter') close();
  }, true);

  document.addEventListener('mousedown', (event) => {
    // Keeps focus in the box while an option is clicked.
    if (event.target.closest?.('#suggestions [role="option"]')) event.preventDefault();
  });
  document.addEventListener('click', (event) => {
    const option = event.target.closest?.('#suggestions [role="option"]');
    if (option) choose(option);
    else if (!event.target.closest?.('#recherche')) close();
  });
  document.addEventListener('focusout', (event) => {
    if (event.target === input()) setTimeout(() => document.activeElement !== input() && close(), 150);
  });
})();
