// A little host-app work so the page is not empty: the widget's cost is measured against this.
const rows = document.getElementById('rows');
for (let i = 0; i < 50; i++) {
  const tr = document.createElement('tr');
  for (const text of [`INV-${1000 + i}`, `Customer ${i}`, `$${(i * 37.5).toFixed(2)}`]) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  rows.append(tr);
}
