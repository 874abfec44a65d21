(function () {
  'use strict';
  // Keyboard walk through the highlights (n/j next, p/k previous), and the
  // document paragraphs of a theme lit up when its evidence list is opened.
  // Reads page data from the JSON block; never touches the review's text.
  var data = JSON.parse(document.getElementById('page-data').textContent || '{}');
  var marks = Array.prototype.slice.call(document.querySelectorAll('[data-nav]'));
  var status = document.getElementById('nav-status');
  var current = -1;

  function show(index) {
    if (!marks.length) { return; }
    if (current >= 0 && marks[current]) { marks[current].classList.remove('current'); }
    current = (index + marks.length) % marks.length;
    var el = marks[current];
    el.classList.add('current');
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center' });
    status.textContent = 'Highlight ' + (current + 1) + ' of ' + marks.length + ': ' + (el.getAttribute('data-label') || '');
    if (history.replaceState) { history.replaceState(null, '', '#' + el.id); }
  }

  function firstBelowTop() {
    for (var i = 0; i < marks.length; i++) {
      if (marks[i].getBoundingClientRect().top > 1) { return i; }
    }
    return 0;
  }

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var t = event.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    var key = event.key;
    if (key === 'n' || key === 'j') {
      show(current < 0 ? firstBelowTop() : current + 1);
    } else if (key === 'p' || key === 'k') {
      show(current < 0 ? firstBelowTop() - 1 : current - 1);
    } else {
      return;
    }
    event.preventDefault();
  });

  function onHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var at = marks.findIndex(function (m) { return m.id === id; });
    if (at >= 0) {
      if (current >= 0 && marks[current]) { marks[current].classList.remove('current'); }
      current = at;
      marks[at].classList.add('current');
    }
    var lit = document.querySelectorAll('.theme-hit');
    for (var i = 0; i < lit.length; i++) { lit[i].classList.remove('theme-hit'); }
    var paragraphs = (data.themes || {})[id] || [];
    paragraphs.forEach(function (pid) {
      var p = document.getElementById(pid);
      if (p) { p.classList.add('theme-hit'); }
    });
  }
  window.addEventListener('hashchange', onHash);
  onHash();
})();
