// The script of the page of the same name, kept out of it so that the shop's CSP can refuse inline scripts.
const message = document.getElementById('message');
let query = '';

function currentQuery() {
  const parameters = new URLSearchParams({ limit: '20' });
  for (const [name, id] of [['user', 'user'], ['client', 'client'], ['olderThan', 'older']]) {
    const value = document.getElementById(id).value.trim();
    if (value) {
      parameters.set(name, value);
    }
  }
  return parameters;
}

async function load(after) {
  const parameters = new URLSearchParams(query);
  if (after) {
    parameters.set('after', after);
  }
  let page;
  try {
    page = await shop.api('usersession/admin/sessions?' + parameters);
  } catch (error) {
    shop.show(message, error.status === 403 ? 'This page is for administrators.' : shop.explain(error), 'error');
    return;
  }
  const body = document.getElementById('sessions');
  body.innerHTML = '';
  for (const session of page.sessions) {
    const row = document.createElement('tr');
    row.className = 'session';
    row.innerHTML = '<td class="user"></td><td><div class="client"></div></td><td class="created"></td>'
      + '<td class="seen"></td><td class="action"></td>';
    row.querySelector('.user').textContent = session.user;
    row.querySelector('.client').textContent = shop.device(session.client);
    if (session.deviceBound) {
      const bound = document.createElement('span');
      bound.className = 'badge bound';
      bound.title = 'Its cookies work only in the browser that holds its key';
      bound.textContent = 'Bound to device';
      row.querySelector('.client').append(' ', bound);
    }
    row.querySelector('.created').textContent = shop.when(session.created);
    row.querySelector('.seen').textContent = shop.when(session.lastAccess);
    const look = button('View state', 'secondary look', async () => {
      const details = await shop.api('usersession/admin/sessions/' + encodeURIComponent(session.id));
      document.getElementById('state-json').textContent = JSON.stringify(details.state, null, 2);
      document.getElementById('state').showModal();
    });
    const end = button('Sign out', 'danger end', async () => {
      await shop.api('usersession/admin/sessions/' + encodeURIComponent(session.id) + '/end',
        { method: 'POST', body: {} });
      shop.show(message, 'That session of ' + session.user + ' is signed out.', 'info');
      load();
    });
    const endAll = button('Sign out everywhere', 'danger end-all', async () => {
      const result = await shop.api('usersession/admin/users/end-sessions',
        { method: 'POST', body: { user: session.user } });
      shop.show(message, result.ended + ' session(s) of ' + session.user + ' signed out.', 'info');
      load();
    });
    row.querySelector('.action').append(look, end, endAll);
    body.appendChild(row);
  }
  if (page.sessions.length === 0) {
    body.innerHTML = '<tr><td colspan="5" class="empty">No session matches.</td></tr>';
  }
  const next = document.getElementById('next');
  next.hidden = !page.next;
  next.onclick = () => load(page.next);
  document.getElementById('first').hidden = !after;
}

function button(text, className, action) {
  const element = document.createElement('button');
  element.className = className;
  element.textContent = text;
  element.addEventListener('click', async () => {
    try {
      await action();
    } catch (error) {
      shop.show(message, shop.explain(error), 'error');
    }
  });
  return element;
}

document.getElementById('search').addEventListener('submit', event => {
  event.preventDefault();
  query = currentQuery().toString();
  load();
});
document.getElementById('first').addEventListener('click', () => load());
document.getElementById('state-close').addEventListener('click', () => document.getElementById('state').close());

shop.header('admin').then(() => {
  query = currentQuery().toString();
  load();
});
