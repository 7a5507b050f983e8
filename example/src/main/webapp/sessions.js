// The script of the page of the same name, kept out of it so that the shop's CSP can refuse inline scripts.
const message = document.getElementById('message');

async function load() {
  const sessions = await shop.api('usersession/sessions');
  const body = document.getElementById('sessions');
  body.innerHTML = '';
  for (const session of sessions) {
    const row = document.createElement('tr');
    row.className = 'session';
    row.innerHTML = '<td><div class="client"></div></td><td class="created"></td><td class="seen"></td><td class="action"></td>';
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
    if (session.current) {
      row.querySelector('.action').innerHTML = '<span class="badge">This device</span>';
    } else {
      const end = document.createElement('button');
      end.className = 'danger end';
      end.textContent = 'Sign out';
      end.addEventListener('click', async () => {
        await shop.api('usersession/sessions/end', { method: 'POST', body: { id: session.id } });
        shop.show(message, 'That session is signed out.', 'info');
        load();
      });
      row.querySelector('.action').appendChild(end);
    }
    body.appendChild(row);
  }
  document.getElementById('end-others').disabled = sessions.length < 2;
}

document.getElementById('end-others').addEventListener('click', async () => {
  const result = await shop.api('usersession/sessions/end-others', { method: 'POST', body: {} });
  shop.show(message, result.ended + ' other session(s) signed out.', 'info');
  load();
});

shop.header('sessions').then(load);
