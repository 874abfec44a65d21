(function () {
  'use strict';
  // The reviewer's decisions: kept in this browser (localStorage, per review id),
  // exported as decisions.json, importable to resume. Text from the draft is only
  // ever set with textContent, never parsed as markup.
  var data = JSON.parse(document.getElementById('review-data').textContent || '{}');
  var items = data.items || [];
  var byId = {};
  items.forEach(function (it, i) { it.index = i; byId[it.id] = it; });
  var keyCodes = {};
  (data.key_codes || []).forEach(function (c) { keyCodes[c] = true; });
  var storeKey = 'scr-review:' + data.review_id;
  var state = load();
  var current = -1;
  var list = document.getElementById('items');
  var rows = {};
  Array.prototype.forEach.call(list.children, function (li) { rows[li.getAttribute('data-id')] = li; });
  var $ = function (id) { return document.getElementById(id); };
  var CODE_RE = /^[A-Za-z0-9\u00C0-\uFFFF][\w .'\u2019()\/-]{0,40}$/;
  var PH_RE = /^\[[A-Z][A-Z0-9_ -]{0,30}\]$/;

  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey) || '{}') || {}; } catch (e) { return {}; }
  }
  function save() {
    try { localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) { /* storage off: export still works */ }
  }

  function describe(it, d) {
    if (!d) { return 'undecided'; }
    switch (d.action) {
      case 'accept': return 'accepted → ' + it.proposed;
      case 'revert': return 'reverted (words kept)';
      case 'code': return 'code → ' + d.code;
      case 'add_person': return 'added to key as ' + d.code;
      case 'placeholder': return 'placeholder ' + d.placeholder;
      case 'dismiss': return 'dismissed: ' + d.reason;
    }
    return d.action;
  }

  function paint(id) {
    var it = byId[id], d = state[id], li = rows[id], mark = $('m-' + id);
    var cls = d ? ' decided d-' + d.action : '';
    if (li) {
      li.className = li.className.replace(/ decided| d-[a-z_]+/g, '') + cls;
      li.querySelector('.st').textContent = describe(it, d);
    }
    if (mark) {
      mark.className = mark.className.replace(/ decided| d-[a-z_]+/g, '') + cls;
      var tag = mark.querySelector('.tag');
      if (tag && it.kind === 'replacement') {
        tag.textContent = !d ? '→ ' + it.proposed : d.action === 'revert' ? 'kept' :
          '→ ' + (d.code || it.proposed) + (d.action === 'add_person' ? ' (added)' : '');
      }
    }
  }

  function progress() {
    var n = 0;
    items.forEach(function (it) { if (state[it.id]) { n++; } });
    $('progress').textContent = n + ' of ' + items.length + ' decided';
  }

  function error(text) { $('p-error').textContent = text || ''; }

  function decide(it, d) {
    if (!it) { return; }
    error('');
    if (d === null) { delete state[it.id]; } else { state[it.id] = d; }
    paint(it.id);
    if (d && d.action === 'add_person') {  // one person, every mention: undecided mentions follow
      items.forEach(function (other) {
        if (other.kind === 'replacement' && other.type === 'PERSON_UNKNOWN' && other.proposed === it.proposed && other.id !== it.id) {
          var od = state[other.id];
          if (!od || od.action === 'add_person' || od.action === 'accept') { state[other.id] = d; paint(other.id); }
        }
      });
    }
    save();
    progress();
    show(current);
  }

  function visible(i) { return !(list.classList.contains('only-undecided') && state[items[i].id]); }

  function select(i, scroll) {
    if (i < 0 || i >= items.length) { return; }
    if (current >= 0) {
      var old = items[current];
      if (rows[old.id]) { rows[old.id].classList.remove('current'); }
      var om = $('m-' + old.id); if (om) { om.classList.remove('current'); }
    }
    current = i;
    var it = items[i], li = rows[it.id], mark = $('m-' + it.id);
    if (li) { li.classList.add('current'); if (scroll !== false) { li.scrollIntoView({ block: 'nearest' }); } }
    if (mark) { mark.classList.add('current'); if (scroll !== false) { mark.scrollIntoView({ block: 'center' }); } }
    show(i);
  }

  function step(delta) {
    var i = current;
    for (var n = 0; n < items.length; n++) {
      i = i < 0 ? (delta > 0 ? 0 : items.length - 1) : (i + delta + items.length) % items.length;
      if (visible(i)) { select(i); return; }
    }
  }

  function show(i) {
    var it = items[i];
    if (!it) { return; }
    var d = state[it.id];
    var rep = it.kind === 'replacement';
    $('p-rep').hidden = !rep;
    $('p-find').hidden = rep;
    $('p-add').hidden = !(rep && it.type === 'PERSON_UNKNOWN');
    $('p-title').textContent = (i + 1) + ' of ' + items.length + ': ' + (rep ? (it.ambiguous ? 'ambiguous ' : '') + it.type : 'finding ' + it.type + ' · ' + it.severity);
    $('p-detail').textContent = rep
      ? '“' + it.text + '” → ' + it.proposed + ' (rule ' + it.rule + ', confidence ' + it.confidence + ')' +
        (it.candidates && it.candidates.length ? '; candidates ' + it.candidates.join(', ') : '')
      : '“' + it.proposed + '” in the coded text, line ' + it.line + ': ' + it.reason + ' (rule ' + it.rule + ')';
    $('p-status').textContent = describe(it, d);
    var cands = $('p-cands');
    cands.textContent = '';
    (it.candidates || []).forEach(function (c) {
      var b = document.createElement('button');
      b.type = 'button'; b.textContent = 'Use ' + c; b.className = 'cand';
      b.addEventListener('click', function () { decide(it, c === it.proposed ? { action: 'accept' } : { action: 'code', code: c }); });
      cands.appendChild(b);
    });
    if (document.activeElement && document.activeElement.tagName === 'INPUT') { return; }
    $('i-code').value = d && d.action === 'code' ? d.code : '';
    $('i-add-code').value = d && d.action === 'add_person' ? d.code : '';
    $('i-add-role').value = d && d.action === 'add_person' ? d.role : '';
    $('i-ph').value = d && d.action === 'placeholder' ? d.placeholder : '[' + it.type + ']';
    $('i-reason').value = d && d.action === 'dismiss' ? d.reason : '';
  }

  function cur() { return items[current]; }

  var actions = {
    accept: function () { var it = cur(); if (it && it.kind === 'replacement') { decide(it, { action: 'accept' }); } },
    revert: function () { var it = cur(); if (it && it.kind === 'replacement') { decide(it, { action: 'revert' }); } },
    code: function () {
      var it = cur(); if (!it || it.kind !== 'replacement') { return; }
      var code = $('i-code').value.trim();
      if (!CODE_RE.test(code) && !PH_RE.test(code)) { error('A code uses letters, digits, spaces and . \' ’ - ( ) / only.'); return; }
      var added = items.some(function (o) { var od = state[o.id]; return od && od.action === 'add_person' && od.code === code; });
      if (!keyCodes[code] && !added && !PH_RE.test(code)) { error('Code ' + code + ' is not in the key: pick a key code, or add the person to the key.'); return; }
      decide(it, { action: 'code', code: code });
    },
    add: function () {
      var it = cur(); if (!it || it.type !== 'PERSON_UNKNOWN') { return; }
      var code = $('i-add-code').value.trim(), role = $('i-add-role').value.trim();
      if (!CODE_RE.test(code)) { error('Give the new person a code (letters, digits, spaces and . \' ’ - ( ) /).'); $('i-add-code').focus(); return; }
      if (keyCodes[code]) { error('Code ' + code + ' is already in the key: choose another.'); $('i-add-code').focus(); return; }
      var clash = items.some(function (o) { var od = state[o.id]; return od && od.action === 'add_person' && od.code === code && o.proposed !== it.proposed; });
      if (clash) { error('Code ' + code + ' is already given to another new person.'); return; }
      if (!role) { error('Give the new person a role (e.g. “maternal grandmother”).'); $('i-add-role').focus(); return; }
      decide(it, { action: 'add_person', code: code, role: role });
    },
    placeholder: function () {
      var it = cur(); if (!it || it.kind !== 'finding') { return; }
      var ph = $('i-ph').value.trim() || '[' + it.type + ']';
      if (!PH_RE.test(ph)) { error('A placeholder is written like [NAME]: capitals in square brackets.'); return; }
      decide(it, { action: 'placeholder', placeholder: ph });
    },
    dismiss: function () {
      var it = cur(); if (!it || it.kind !== 'finding') { return; }
      var reason = $('i-reason').value.trim();
      if (!reason) { error('Dismissing a finding needs a reason (it goes into the sign-off record).'); $('i-reason').focus(); return; }
      decide(it, { action: 'dismiss', reason: reason });
    },
    clear: function () { decide(cur(), null); }
  };

  function exportDecisions() {
    var out = { format: data.format, review_id: data.review_id, draft: data.draft, exported_at: new Date().toISOString(), decisions: {} };
    items.forEach(function (it) { if (state[it.id]) { out.decisions[it.id] = state[it.id]; } });
    var blob = new Blob([JSON.stringify(out, null, 1) + '\n'], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'decisions.json';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    $('io-status').textContent = 'Downloaded decisions.json (' + Object.keys(out.decisions).length + ' decisions).';
  }

  function importDecisions(text) {
    var parsed;
    try { parsed = JSON.parse(text); } catch (e) { $('io-status').textContent = 'That file is not JSON.'; return; }
    if (!parsed || parsed.review_id !== data.review_id) {
      $('io-status').textContent = 'That decisions file belongs to another review (' + (parsed && parsed.review_id) + ').'; return;
    }
    var n = 0, unknown = 0;
    Object.keys(parsed.decisions || {}).forEach(function (id) {
      if (byId[id]) { state[id] = parsed.decisions[id]; n++; } else { unknown++; }
    });
    save();
    items.forEach(function (it) { paint(it.id); });
    progress();
    $('io-status').textContent = 'Resumed ' + n + ' decisions' + (unknown ? ' (' + unknown + ' unknown ids ignored)' : '') + '.';
  }

  // mouse
  $('b-accept').addEventListener('click', actions.accept);
  $('b-revert').addEventListener('click', actions.revert);
  $('b-code').addEventListener('click', actions.code);
  $('b-add').addEventListener('click', actions.add);
  $('b-ph').addEventListener('click', actions.placeholder);
  $('b-dismiss').addEventListener('click', actions.dismiss);
  $('b-clear').addEventListener('click', actions.clear);
  $('b-export').addEventListener('click', exportDecisions);
  $('b-accept-rest').addEventListener('click', function () {
    items.forEach(function (it) { if (it.kind === 'replacement' && !state[it.id]) { state[it.id] = { action: 'accept' }; paint(it.id); } });
    save(); progress(); show(current);
  });
  $('only-undecided').addEventListener('change', function (e) { list.classList.toggle('only-undecided', e.target.checked); });
  $('import').addEventListener('change', function (e) {
    var file = e.target.files && e.target.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () { importDecisions(String(reader.result)); };
    reader.readAsText(file);
  });
  list.addEventListener('click', function (e) {
    var li = e.target.closest('li.item');
    if (li) { select(byId[li.getAttribute('data-id')].index, false); }
  });
  $('document').addEventListener('click', function (e) {
    var mark = e.target.closest('.mk[id^="m-"]');
    if (mark) { var it = byId[mark.id.slice(2)]; if (it) { select(it.index, false); if (rows[it.id]) { rows[it.id].scrollIntoView({ block: 'nearest' }); } } }
  });

  // keyboard
  var fieldAction = { 'i-code': actions.code, 'i-add-code': actions.add, 'i-add-role': actions.add, 'i-ph': actions.placeholder, 'i-reason': actions.dismiss };
  document.addEventListener('keydown', function (event) {
    var t = event.target;
    if (t && t.tagName === 'INPUT' && t.type !== 'checkbox' && t.type !== 'file') {
      if (event.key === 'Enter' && fieldAction[t.id]) { event.preventDefault(); fieldAction[t.id](); if (!$('p-error').textContent) { t.blur(); } }
      else if (event.key === 'Escape') { t.blur(); }
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var focus = function (id) { var el = $(id); if (!el.closest('[hidden]')) { el.focus(); el.select(); } };
    switch (event.key) {
      case 'j': case 'n': step(1); break;
      case 'k': case 'p': step(-1); break;
      case 'a': actions.accept(); break;
      case 'r': actions.revert(); break;
      case 'c': focus('i-code'); break;
      case 'i': focus('i-add-code'); break;
      case 'x': actions.placeholder(); break;
      case 'd': focus('i-reason'); break;
      case '0': case 'Backspace': actions.clear(); break;
      case 'u': $('only-undecided').click(); break;
      case 'e': exportDecisions(); break;
      default: return;
    }
    event.preventDefault();
  });

  items.forEach(function (it) { if (state[it.id]) { paint(it.id); } });
  progress();
})();
