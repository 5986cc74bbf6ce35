// Dépêches: the little the page needs beyond htmx attributes. Everything
// here is an enhancement: with JavaScript off, the form and links work alone.
(() => {
  'use strict';

  const input = () => document.getElementById('q');
  const resultLinks = () => [...document.querySelectorAll('#contenu .lien-resultat')];

  // History: while typing, one history entry per settled query. The first
  // request of a burst of typing pushes a new entry; the ones that follow
  // within a second replace it, so Back skips the half-typed words.
  const SETTLED_MS = 1000;
  let lastTyped = 0;
  document.addEventListener('htmx:config:request', (event) => {
    const ctx = event.detail.ctx;
    if (ctx.sourceElement?.id !== 'recherche') return;
    if (ctx.sourceEvent?.type === 'input') {
      const now = Date.now();
      if (now - lastTyped < SETTLED_MS) {
        ctx.push = null;
        ctx.replace = 'true';
      }
      lastTyped = now;
    } else {
      lastTyped = 0;
    }
  });

  // A pushed URL equal to the current one would add a useless entry.
  document.addEventListener('htmx:before:history:update', (event) => {
    const action = event.detail.history;
    if (action.type === 'push' && action.path === location.pathname + location.search) action.type = 'replace';
  });

  document.documentElement.classList.add('js');

  // Where the reader was when a facet value or a timeline bar was used: the same one gets focus after the swap.
  let kept = null;
  document.addEventListener('htmx:config:request', (event) => {
    const source = event.detail.ctx?.sourceElement;
    kept = null;
    if (source?.matches?.('a.valeur[data-facette]')) kept = { selector: `a.valeur[data-facette="${CSS.escape(source.dataset.facette)}"][data-valeur="${CSS.escape(source.dataset.valeur ?? '')}"]` };
    else if (source?.closest?.('.frise-haut')) kept = { selector: '.frise-haut a', fallback: '[data-frise] a.barre' };
    else if (source?.matches?.('a.barre[data-from]')) kept = { selector: `a.barre[data-from="${CSS.escape(source.dataset.from)}"][data-to="${CSS.escape(source.dataset.to)}"]`, fallback: '[data-frise] a.barre' };
  });
  const restoreFocus = ({ selector, fallback }) => {
    const target = document.querySelector(`#facettes ${selector}`) ?? (fallback && document.querySelector(`#facettes ${fallback}`));
    if (!target) return false;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest' });
    return true;
  };

  // Phone: "Filtrer" opens the facets at the top (without JavaScript it is a link down to them).
  let filtersOpen = false;
  const showFilters = () => {
    const panel = document.getElementById('facettes');
    const control = document.querySelector('[data-filtrer]');
    if (!panel || !control) return;
    panel.classList.toggle('ouvert', filtersOpen || panel.classList.contains('ouvert'));
    control.setAttribute('aria-expanded', String(panel.classList.contains('ouvert')));
    control.setAttribute('role', 'button');
  };
  document.addEventListener('click', (event) => {
    const control = event.target.closest?.('[data-filtrer]');
    if (!control) return;
    event.preventDefault();
    const panel = document.getElementById('facettes');
    filtersOpen = !panel.classList.contains('ouvert');
    panel.classList.toggle('ouvert', filtersOpen);
    control.setAttribute('aria-expanded', String(filtersOpen));
    if (filtersOpen) document.getElementById('titre-facettes')?.focus({ preventScroll: false });
  });
  // A link acting as a button answers Space too.
  document.addEventListener('keydown', (event) => {
    if (event.key === ' ' && event.target.closest?.('[data-filtrer]')) {
      event.preventDefault();
      event.target.click();
    }
  });
  document.addEventListener('DOMContentLoaded', showFilters);
  document.addEventListener('htmx:after:swap', showFilters);

  // With JavaScript the facet search answers as one types: Enter has nothing more to send.
  document.addEventListener('submit', (event) => {
    if (event.target.closest?.('.facette-recherche')) event.preventDefault();
  });

  const announce = (text) => {
    const region = document.getElementById('annonce');
    if (region && text) region.textContent = text;
  };

  // After results are swapped in: keep the search box in step with the URL
  // (a suggestion or a Back restores another query), announce the count, and
  // when a link inside the results was used, move focus to the results heading.
  document.addEventListener('htmx:after:swap', (event) => {
    const state = document.getElementById('etat');
    const q = input();
    if (!state || !q) return;
    if (document.activeElement !== q && q.value !== state.dataset.q) q.value = state.dataset.q;
    announce(state.dataset.stats);
    const source = event.detail.ctx?.sourceElement;
    // A facet's own search box swaps its list only: focus stays in the box.
    if (source?.closest?.('.facette-recherche')) return;
    // A facet value or a timeline bar: focus stays on it (or on the same value, now selected).
    if (kept && restoreFocus(kept)) {
      kept = null;
      return;
    }
    kept = null;
    if (source && source.id !== 'recherche') {
      const heading = document.getElementById('titre-resultats');
      if (heading) {
        heading.focus({ preventScroll: true });
        if (heading.getBoundingClientRect().top < 0) heading.scrollIntoView({ block: 'start' });
      }
    }
  });

  const typingInField = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  // Keyboard: "/" goes to the search box; arrows move through the results.
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const active = document.activeElement;
    const q = input();
    if (event.key === '/' && !typingInField(active) && q) {
      event.preventDefault();
      q.focus();
      q.select();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = resultLinks();
    if (!links.length) return;
    const at = links.indexOf(active);
    if (active === q) {
      if (event.key !== 'ArrowDown') return;
      event.preventDefault();
      links[0].focus();
    } else if (at !== -1) {
      event.preventDefault();
      if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)].focus();
      else if (at === 0 && q) q.focus();
      else links[at - 1].focus();
    }
  });

  // Focused result: bring it into view without jumping.
  document.addEventListener('focusin', (event) => {
    if (event.target.classList?.contains('lien-resultat')) event.target.closest('.resultat')?.scrollIntoView({ block: 'nearest' });
  });

})();
