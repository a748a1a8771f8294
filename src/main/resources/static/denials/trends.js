// Reads GET /api/denials/trends (same login as the page) and draws one table per dimension.
(function () {
  const form = document.getElementById('filters');
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

  function table(title, buckets) {
    const max = Math.max(1, ...buckets.map(b => Number(b.deniedAmount)));
    const section = document.createElement('section');
    const h = document.createElement('h2');
    h.textContent = title;
    section.appendChild(h);
    const t = document.createElement('table');
    t.innerHTML = '<thead><tr><th></th><th>denials</th><th>open</th><th>denied</th><th>recovered</th><th></th></tr></thead>';
    const body = document.createElement('tbody');
    for (const b of buckets) {
      const tr = document.createElement('tr');
      const cells = [b.key, String(b.count), String(b.open), money.format(b.deniedAmount), money.format(b.recoveredAmount)];
      for (const text of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      }
      const bar = document.createElement('td');
      bar.className = 'bar';
      const span = document.createElement('span');
      span.style.width = (100 * Number(b.deniedAmount) / max) + '%';
      bar.appendChild(span);
      tr.appendChild(bar);
      body.appendChild(tr);
    }
    t.appendChild(body);
    section.appendChild(t);
    return section;
  }

  async function load() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) {
      if (v) params.set(k, v);
    }
    const error = document.getElementById('error');
    const tables = document.getElementById('tables');
    error.textContent = '';
    const response = await fetch('/api/denials/trends?' + params, { credentials: 'same-origin' });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      error.textContent = problem.detail || ('The trends could not be read (' + response.status + ')');
      return;
    }
    const trends = await response.json();
    document.getElementById('total').textContent = trends.total.count + ' denials (' + trends.total.open + ' open), ' + money.format(trends.total.deniedAmount)
      + ' denied, ' + money.format(trends.total.recoveredAmount) + ' recovered (paid after a replacement claim or a won appeal), ' + trends.filter.from + ' to ' + trends.filter.to;
    tables.replaceChildren(table('By root cause', trends.byRootCause), table('By payer', trends.byPayer),
      table('By facility', trends.byFacility), table('By week (starting Monday)', trends.byWeek));
  }

  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  load();
})();
