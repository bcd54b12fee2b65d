// The patient's questionnaire page (/q/{token}): question logic (show, skip, jump — the same rules the server applies
// in QuestionnaireFlow), progress saved as the patient goes, one submission, a filter for long choice lists and the
// browser's voice input where it has one (8.3.3). Plain ES2015 for old phone browsers and WeChat's.
(function () {
  var form = document.getElementById('qn-form');
  if (!form) return;
  var logic = JSON.parse(document.getElementById('qn-logic').textContent || '[]');
  var sections = Array.prototype.slice.call(form.querySelectorAll('fieldset.q'));
  var keys = sections.map(function (s) { return s.getAttribute('data-key'); });
  var script = document.currentScript || document.querySelector('script[data-voice]');

  function norm(v) {
    v = (v || '').trim();
    if (['是', '有', '对', 'yes', 'true'].indexOf(v) >= 0) return 'yes';
    if (['否', '没有', '无', '不是', 'no', 'false'].indexOf(v) >= 0) return 'no';
    return v;
  }
  function fires(op, answer, expected) {
    var a = norm(answer), e = norm(expected);
    if (op === 'Equals') return a.toLowerCase() === e.toLowerCase();
    if (op === 'NotEquals') return a.length > 0 && a.toLowerCase() !== e.toLowerCase();
    if (op === 'Contains') return e.length > 0 && a.toLowerCase().indexOf(e.toLowerCase()) >= 0;
    var x = parseFloat(a), y = parseFloat(e);
    if (isNaN(x) || isNaN(y)) return false;
    return op === 'GreaterOrEqual' ? x >= y : op === 'LessOrEqual' ? x <= y : op === 'Greater' ? x > y : op === 'Less' ? x < y : false;
  }
  function answers() {
    var result = {};
    sections.forEach(function (s) {
      var key = s.getAttribute('data-key');
      var values = [];
      Array.prototype.forEach.call(s.querySelectorAll('[name="a.' + key + '"]'), function (el) {
        if ((el.type === 'radio' || el.type === 'checkbox') ? el.checked : el.value.trim() !== '') values.push(el.value.trim());
      });
      if (values.length) result[key] = values.join(';');
    });
    return result;
  }
  function holds(rule, given) {
    var value = given[rule.w];
    if (!value) return false;
    if (value.indexOf(';') >= 0 && (rule.o === 'Equals' || rule.o === 'Contains'))
      return value.split(';').some(function (v) { return fires(rule.o, v, rule.v); });
    return fires(rule.o, value, rule.v);
  }
  function visibility() {
    var given = answers(), hidden = {};
    keys.forEach(function (key, i) {
      if (hidden[key]) return;
      logic.forEach(function (r) {
        if (r.w !== key || !holds(r, given)) return;
        if (r.a === 'Skip') hidden[r.t] = true;
        if (r.a === 'Jump') {
          var target = keys.indexOf(r.t), end = target > i ? target : keys.length;
          for (var j = i + 1; j < end; j++) hidden[keys[j]] = true;
        }
      });
    });
    var shows = {};
    logic.forEach(function (r) { if (r.a === 'Show') (shows[r.t] = shows[r.t] || []).push(r); });
    Object.keys(shows).forEach(function (t) {
      if (!shows[t].some(function (r) { return !hidden[r.w] && holds(r, given); })) hidden[t] = true;
    });
    sections.forEach(function (s) {
      var off = !!hidden[s.getAttribute('data-key')];
      s.hidden = off;
      Array.prototype.forEach.call(s.querySelectorAll('input,textarea,select'), function (el) { if (!el.classList.contains('filter')) el.disabled = off; });
    });
  }

  var timer = null, saved = document.getElementById('qn-saved');
  function saveSoon() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (!window.fetch || !form.getAttribute('data-progress')) return;
      fetch(form.getAttribute('data-progress'), { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'omit' })
        .then(function (r) { if (r.ok && saved) saved.hidden = false; })
        .catch(function () { /* offline: the next change tries again */ });
    }, 600);
  }
  form.addEventListener('change', function () { visibility(); saveSoon(); });
  form.addEventListener('input', function (e) { if (e.target.tagName === 'TEXTAREA' || e.target.type === 'number') saveSoon(); });

  // Submitting: with fetch the answer is a short JSON shown in place (one small request, the page stays); without it
  // (old browsers, no JavaScript) the plain form post answers with the page itself.
  var submitting = false, button = document.getElementById('qn-submit'), main = form.parentNode;
  var canFetch = !!(window.fetch && window.URLSearchParams && window.FormData && 'content' in document.createElement('template'));
  function busy(on) {
    submitting = on;
    button.disabled = on;
    if (on) { button.setAttribute('data-label', button.textContent); button.textContent = button.getAttribute('data-busy'); }
    else button.textContent = button.getAttribute('data-label') || button.textContent;
  }
  function alertLine(text, testid) {
    Array.prototype.forEach.call(main.querySelectorAll('p.problems'), function (p) { p.parentNode.removeChild(p); });
    if (!text) return;
    var p = document.createElement('p');
    p.className = 'problems';
    p.setAttribute('role', 'alert');
    p.setAttribute('data-testid', testid);
    p.textContent = text;
    main.insertBefore(p, form);
    p.scrollIntoView && p.scrollIntoView({ block: 'center' });
  }
  function markProblems(problems) {
    sections.forEach(function (s) {
      s.classList.remove('bad');
      Array.prototype.forEach.call(s.querySelectorAll('p.problem'), function (p) { s.removeChild(p); });
    });
    (problems || []).forEach(function (x) {
      var s = form.querySelector('fieldset.q[data-key="' + x.key + '"]');
      if (!s) return;
      s.classList.add('bad');
      var p = document.createElement('p');
      p.className = 'problem';
      p.setAttribute('role', 'alert');
      p.textContent = x.text;
      s.appendChild(p);
    });
  }
  function notice(id) {
    var t = document.getElementById(id);
    while (main.firstChild) main.removeChild(main.firstChild);
    main.appendChild(document.importNode(t.content, true));
    window.scrollTo(0, 0);
  }
  function shown(answer) {
    if (answer.state === 'done' || answer.state === 'expired') { clearTimeout(timer); notice('qn-' + answer.state + (answer.critical ? '-safety' : '')); return; }
    if (answer.state === 'unknown') { location.reload(); return; }
    busy(false);
    if (answer.state === 'invalid') {
      markProblems(answer.problems);
      var general = (answer.problems || []).filter(function (x) { return !x.key; })[0];
      alertLine(general ? general.text : form.getAttribute('data-problems'), general ? 'q-failed' : 'q-problems');
      return;
    }
    alertLine(answer.message || form.getAttribute('data-failed'), 'q-failed');
  }
  form.addEventListener('submit', function (e) {
    if (submitting) { e.preventDefault(); return; } // a double tap sends once (the server is idempotent as well)
    busy(true);
    if (!canFetch) return;
    e.preventDefault();
    fetch(form.getAttribute('action'), {
      method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'omit', headers: { Accept: 'application/json' },
    })
      .then(function (r) { return r.json(); })
      .then(shown)
      .catch(function () { busy(false); alertLine(form.getAttribute('data-failed'), 'q-failed'); }); // offline: answers stay
  });

  // Type-ahead (8.3.3): a long choice list narrows to the options containing what was typed.
  Array.prototype.forEach.call(form.querySelectorAll('input.filter'), function (box) {
    box.addEventListener('input', function () {
      var text = box.value.trim();
      Array.prototype.forEach.call(box.parentNode.querySelectorAll('label.option'), function (l) {
        l.hidden = text !== '' && l.getAttribute('data-label').indexOf(text) < 0;
      });
    });
  });

  // Voice input (8.3.3) where the browser offers speech recognition.
  var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  if (Recognition) {
    Array.prototype.forEach.call(form.querySelectorAll('button.voice'), function (b) {
      b.hidden = false;
      b.addEventListener('click', function () {
        var area = form.querySelector('[name="' + b.getAttribute('data-voice-for') + '"]');
        var rec = new Recognition();
        rec.lang = 'zh-CN';
        rec.interimResults = false;
        var label = b.textContent;
        b.textContent = script.getAttribute('data-listening');
        rec.onresult = function (ev) { area.value = (area.value ? area.value + ' ' : '') + ev.results[0][0].transcript; saveSoon(); };
        rec.onend = function () { b.textContent = label; };
        rec.start();
      });
    });
  }
  visibility();
})();
