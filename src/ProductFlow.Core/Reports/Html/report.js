(function () {
  'use strict';
  // The issues come from a JSON data block and are put in the page with textContent only, never innerHTML,
  // so a supplier value that looks like markup always shows as text.
  const data = JSON.parse(document.getElementById('issues-data').textContent);
  const keys = data.columns;
  const at = Object.fromEntries(keys.map((k, i) => [k, i]));
  const rows = data.rows.map((r, i) => ({ r: r, i: i, text: r.filter(v => v !== null).join('\u0001').toLowerCase() }));
  const pageSize = data.pageSize;
  const body = document.querySelector('#issues-table tbody');
  const status = document.getElementById('issues-status');
  const ruleSelect = document.getElementById('filter-rule');
  const severitySelect = document.getElementById('filter-severity');
  const textInput = document.getElementById('filter-text');
  const prev = document.getElementById('page-prev');
  const next = document.getElementById('page-next');
  const pageLabel = document.getElementById('page-label');
  const headers = Array.from(document.querySelectorAll('#issues-table th[data-key]'));
  const numberFormat = new Intl.NumberFormat('en-US');
  let sortKey = null;
  let sortDir = 1;
  let page = 0;
  let matching = rows;

  const counts = new Map();
  rows.forEach(x => counts.set(x.r[at.rule], (counts.get(x.r[at.rule]) || 0) + 1));
  Array.from(counts.keys()).sort().forEach(rule => {
    const option = document.createElement('option');
    option.value = rule;
    option.textContent = rule + ' (' + numberFormat.format(counts.get(rule)) + ')';
    ruleSelect.appendChild(option);
  });

  function compare(a, b) {
    const x = a.r[at[sortKey]];
    const y = b.r[at[sortKey]];
    if (x === y) { return a.i - b.i; }
    if (x === null) { return 1; }
    if (y === null) { return -1; }
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en', { numeric: true });
    return c === 0 ? a.i - b.i : c * sortDir;
  }

  function filter() {
    const rule = ruleSelect.value;
    const severity = severitySelect.value;
    const text = textInput.value.trim().toLowerCase();
    matching = rows.filter(x =>
      (rule === '' || x.r[at.rule] === rule) &&
      (severity === '' || x.r[at.severity] === severity) &&
      (text === '' || x.text.includes(text)));
    if (sortKey !== null) { matching.sort(compare); }
    page = 0;
    render();
  }

  function cell(tr, className, value) {
    const td = document.createElement('td');
    td.className = className;
    td.textContent = value === null ? '' : String(value);
    tr.appendChild(td);
    return td;
  }

  function row(x) {
    const r = x.r;
    const tr = document.createElement('tr');
    const sev = cell(tr, 'severity', '');
    const tag = document.createElement('span');
    tag.className = 'sev sev-' + r[at.severity];
    tag.textContent = r[at.severity];
    sev.appendChild(tag);
    const rule = cell(tr, 'rule', r[at.rule]);
    if (r[at.channel] !== null) {
      const channel = document.createElement('span');
      channel.className = 'muted';
      channel.textContent = ' \u00b7 ' + r[at.channel];
      rule.appendChild(channel);
    }
    cell(tr, 'sku', r[at.sku]);
    cell(tr, 'line num', r[at.line]);
    const column = cell(tr, 'column', r[at.column]);
    if (r[at.column] === null && r[at.field] !== null) {
      column.textContent = r[at.field];
      column.classList.add('muted');
      column.title = 'field (no source column)';
    }
    cell(tr, 'value', r[at.value]);
    cell(tr, 'message', r[at.message]);
    return tr;
  }

  function render(all) {
    const pages = Math.max(1, Math.ceil(matching.length / pageSize));
    page = Math.min(page, pages - 1);
    const from = all ? 0 : page * pageSize;
    const to = all ? matching.length : Math.min(matching.length, from + pageSize);
    const fragment = document.createDocumentFragment();
    matching.slice(from, to).forEach(x => fragment.appendChild(row(x)));
    if (matching.length === 0) {
      const tr = document.createElement('tr');
      const td = cell(tr, 'empty muted', rows.length === 0 ? 'No issues.' : 'No issue matches the filters.');
      td.colSpan = headers.length;
      fragment.appendChild(tr);
    }
    body.replaceChildren(fragment);
    status.dataset.matching = String(matching.length);
    status.textContent = matching.length === 0
      ? 'No matching issues'
      : 'Showing ' + numberFormat.format(from + 1) + '\u2013' + numberFormat.format(to) + ' of ' + numberFormat.format(matching.length) +
        ' matching issue' + (matching.length === 1 ? '' : 's') + (matching.length === rows.length ? '' : ' (of ' + numberFormat.format(rows.length) + ' embedded)');
    pageLabel.textContent = 'Page ' + (page + 1) + ' of ' + pages;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  headers.forEach(th => {
    th.querySelector('button').addEventListener('click', () => {
      const key = th.dataset.key;
      sortDir = sortKey === key ? -sortDir : 1;
      sortKey = key;
      headers.forEach(h => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', sortDir === 1 ? 'ascending' : 'descending');
      matching.sort(compare);
      page = 0;
      render();
    });
  });
  ruleSelect.addEventListener('change', filter);
  severitySelect.addEventListener('change', filter);
  textInput.addEventListener('input', filter);
  prev.addEventListener('click', () => { page--; render(); });
  next.addEventListener('click', () => { page++; render(); });
  // Print every matching issue, not just the page on screen.
  window.addEventListener('beforeprint', () => render(true));
  window.addEventListener('afterprint', () => render());
  document.getElementById('issues-controls').hidden = false;
  render();
}());
