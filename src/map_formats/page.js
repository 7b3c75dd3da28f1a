// Sorting for the table of cities, and a card for the city under the pointer or in
// focus. The page is whole without this script: it only adds.
(function () {
  'use strict';
  var table = document.getElementById('cities');
  var card = document.getElementById('card');
  if (!table || !card) {
    return;
  }
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var labels = headers.map(function (th) { return th.textContent; });
  var collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

  // A number or date cell sorts by its plain value; an empty one (unknown) sorts last.
  function key(row, column) {
    var cell = row.cells[column];
    return cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
  }

  function sortBy(column) {
    var th = headers[column];
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    var numeric = th.classList.contains('number');
    headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, column);
      var y = key(b, column);
      if (x === '' || y === '') {
        return (x === '' ? 1 : 0) - (y === '' ? 1 : 0);
      }
      var order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  headers.forEach(function (th, column) {
    var button = document.createElement('button');
    button.type = 'button';
    while (th.firstChild) {
      button.appendChild(th.firstChild);
    }
    th.appendChild(button);
    button.addEventListener('click', function () { sortBy(column); });
  });

  function show(row, x, y) {
    card.textContent = '';
    var name = document.createElement('strong');
    name.textContent = row.cells[0].textContent;
    card.appendChild(name);
    var list = document.createElement('dl');
    for (var i = 1; i < row.cells.length; i++) {
      var term = document.createElement('dt');
      term.textContent = labels[i];
      var value = document.createElement('dd');
      value.textContent = row.cells[i].textContent;
      list.appendChild(term);
      list.appendChild(value);
    }
    card.appendChild(list);
    card.hidden = false;
    move(x, y);
  }

  // Beside the point, kept inside the window.
  function move(x, y) {
    var left = Math.min(x + 14, window.innerWidth - card.offsetWidth - 8);
    var top = y + 14 + card.offsetHeight > window.innerHeight ? y - card.offsetHeight - 14 : y + 14;
    card.style.left = Math.max(0, left) + window.scrollX + 'px';
    card.style.top = Math.max(0, top) + window.scrollY + 'px';
  }

  function hide() {
    card.hidden = true;
  }

  // A city's row: by its name, and by its country too where the map gives it (two
  // countries may have a city of one name).
  var allRows = Array.prototype.slice.call(body.rows);
  function rowOf(city) {
    var name = city.getAttribute('data-name');
    var country = city.getAttribute('data-country');
    return allRows.find(function (row) {
      return row.getAttribute('data-name') === name &&
        (country === null || row.getAttribute('data-country') === country);
    });
  }
  document.querySelectorAll('g.city').forEach(function (city) {
    var row = rowOf(city);
    if (!row) {
      return;
    }
    // The card takes over from the browser's tooltip; the title still names the city.
    var title = city.querySelector('title');
    if (title) {
      city.setAttribute('aria-label', title.textContent);
      title.remove();
    }
    city.setAttribute('tabindex', '0');
    function on() {
      city.classList.add('current');
      row.classList.add('current');
    }
    function off() {
      city.classList.remove('current');
      row.classList.remove('current');
      hide();
    }
    city.addEventListener('mouseenter', function (e) { on(); show(row, e.clientX, e.clientY); });
    city.addEventListener('mousemove', function (e) { move(e.clientX, e.clientY); });
    city.addEventListener('mouseleave', off);
    city.addEventListener('focus', function () {
      var box = city.getBoundingClientRect();
      on();
      show(row, box.right, box.bottom);
    });
    city.addEventListener('blur', off);
    row.addEventListener('mouseenter', function () { city.classList.add('current'); });
    row.addEventListener('mouseleave', function () { city.classList.remove('current'); });
  });
}());
