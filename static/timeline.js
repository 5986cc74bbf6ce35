// Dépêches: choosing a date range by dragging across the timeline's bars.
// Each bar stays a plain link (a click, a tap, Enter, or no JavaScript at
// all); a drag from one bar to another asks for the range they span.
(() => {
  'use strict';

  let start = null;
  let dragged = false;

  const barAt = (x, y) => document.elementFromPoint(x, y)?.closest?.('[data-frise] a.barre');
  const bars = () => [...document.querySelectorAll('[data-frise] a.barre')];

  const mark = (from, to) => {
    const all = bars();
    const [a, b] = [all.indexOf(from), all.indexOf(to)].sort((x, y) => x - y);
    all.forEach((bar, i) => bar.classList.toggle('dans-plage', i >= a && i <= b));
  };

  document.addEventListener('pointerdown', (event) => {
    const bar = event.target.closest?.('[data-frise] a.barre');
    if (!bar || event.button !== 0) return;
    start = bar;
    dragged = false;
  });

  document.addEventListener('pointermove', (event) => {
    if (!start) return;
    const bar = barAt(event.clientX, event.clientY);
    if (!bar || (!dragged && bar === start)) return;
    dragged = true;
    mark(start, bar);
  });

  document.addEventListener('pointerup', (event) => {
    if (!start) return;
    const first = start;
    start = null;
    if (!dragged) return;
    const last = barAt(event.clientX, event.clientY) ?? first;
    bars().forEach((bar) => bar.classList.remove('dans-plage'));
    if (last === first) {
      dragged = false;
      return;
    }
    const from = [first.dataset.from, last.dataset.from].sort()[0];
    const to = [first.dataset.to, last.dataset.to].sort()[1];
    const url = new URL(first.getAttribute('href'), location.href);
    url.searchParams.set('from', from);
    url.searchParams.set('to', to);
    url.searchParams.delete('page');
    window.htmx?.ajax('GET', url.pathname + url.search, { source: first, target: '#contenu', push: 'true' });
  });

  // The click that ends a drag is not a click on its last bar.
  document.addEventListener('click', (event) => {
    if (dragged && event.target.closest?.('[data-frise] a.barre')) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    dragged = false;
  }, true);

  // A drag that starts on a link must not drag the link itself.
  document.addEventListener('dragstart', (event) => {
    if (event.target.closest?.('[data-frise]')) event.preventDefault();
  });
})();
