// Shared by the shop's pages: the header, calls to the API, and what each error means to a person.
const shop = {
  // Calls the shop's (or the library's) JSON API. A 401 that asks the user to prove who they are again (a sensitive
  // action, @RequiresLogin(recent = ...) or level = AAL2) opens the confirm-identity dialog and then tries once more.
  async api(path, options = {}) {
    const { response, data } = await shop.send(path, options);
    if (response.status === 401 && data && shop.confirmable.includes(data.error) && !options.confirmed) {
      await shop.confirmIdentity(data.message);
      return shop.api(path, { ...options, confirmed: true });
    }
    if (response.status === 401 && !options.anonymousOk) {
      // A page that was signed in and is no longer: the session ended (another device, expiry, restart of a test).
      window.location.href = localStorage.getItem('signedIn') ? 'login.html?reason=ended' : 'login.html';
      localStorage.removeItem('signedIn');
      throw new Error('signed out');
    }
    if (!response.ok) {
      const error = new Error((data && data.message) || 'Something went wrong (' + response.status + ').');
      error.status = response.status;
      error.code = data && data.error;
      throw error;
    }
    return data;
  },

  // One request, answered as it came: { response, data } (data: the parsed JSON body, or null).
  async send(path, options = {}) {
    const init = { method: options.method || 'GET', headers: { 'Accept': 'application/json' } };
    if (options.body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (notJson) {
      data = null;
    }
    return { response, data };
  },

  // The library's answers that a fresh proof of identity (password, code or passkey) turns into a success.
  confirmable: ['reauthentication_required', 'second_factor_required'],

  // Asks for the password, a code of the authenticator app or a passkey (POST usersession/reauthenticate);
  // resolves once the session holds a fresh proof, rejects when the person cancels.
  confirmIdentity(reason) {
    const dialog = document.createElement('dialog');
    dialog.className = 'card panel confirm';
    dialog.innerHTML = `<form method="dialog" id="confirm-form">
      <h2>Confirm it is you</h2>
      <p class="note"></p>
      <div class="message"></div>
      <label for="confirm-password">Password</label>
      <input id="confirm-password" type="password" autocomplete="current-password">
      <label for="confirm-code">or a code from your authenticator app</label>
      <input id="confirm-code" inputmode="numeric" autocomplete="one-time-code">
      <button type="submit" id="confirm-submit">Confirm</button>
      <div class="row-buttons">
        <button type="button" class="secondary" id="confirm-passkey" hidden>Use a passkey</button>
        <button type="button" class="secondary" id="confirm-cancel">Cancel</button>
      </div>
    </form>`;
    dialog.querySelector('.note').textContent = reason || 'This needs a recent sign-in.';
    document.body.appendChild(dialog);
    const message = dialog.querySelector('.message');
    const passkeyButton = dialog.querySelector('#confirm-passkey');
    passkeyButton.hidden = !window.usersessionPasskeys;
    dialog.showModal();
    return new Promise((resolve, reject) => {
      const done = () => { dialog.close(); dialog.remove(); resolve(); };
      dialog.querySelector('#confirm-cancel').addEventListener('click', () => {
        dialog.close(); dialog.remove(); reject(new Error('Not confirmed: nothing was changed.'));
      });
      passkeyButton.addEventListener('click', async () => {
        try {
          await window.usersessionPasskeys.reauthenticate();
          done();
        } catch (error) {
          shop.show(message, error.code === 'cancelled' ? 'The passkey was not used.' : error.message, 'error');
        }
      });
      dialog.querySelector('form').addEventListener('submit', async event => {
        event.preventDefault();
        const password = dialog.querySelector('#confirm-password').value;
        const code = dialog.querySelector('#confirm-code').value.replace(/\s/g, '');
        const { response, data } = await shop.send('usersession/reauthenticate',
          { method: 'POST', body: password ? { password } : { code } });
        if (response.ok) {
          done();
        } else {
          shop.show(message, response.status === 401 && data && data.error === 'invalid'
            ? 'That password is not right.' : (data && data.message) || 'That did not work.', 'error');
        }
      });
    });
  },

  show(element, text, kind) {
    element.textContent = text;
    element.className = 'message show ' + kind;
  },

  explain(error) {
    if (error.status === 409) {
      return 'Another tab or device changed your cart at the same moment. Nothing was lost: please try again.';
    }
    if (error.status === 503) {
      return 'The shop is briefly unavailable. Please try again in a few seconds.';
    }
    return error.message;
  },

  // The bar at the top of the signed-in pages: brand, navigation, who is signed in, sign out.
  async header(active) {
    document.querySelector('header.bar').innerHTML = `<div class="inner">
      <a class="brand" href="index.html">usersession <span>shop</span></a>
      <nav>
        <a href="index.html" data-page="shop">Shop</a>
        <a href="sessions.html" data-page="sessions">Your sessions</a>
        <a href="account.html" data-page="account">Account</a>
        <a href="admin.html" data-page="admin" hidden>Admin</a>
      </nav>
      <span class="who"></span>
      <button class="secondary" id="logout">Sign out</button>
    </div>`;
    const me = await shop.api('api/account/me');
    document.querySelector('.who').textContent = 'Signed in as ' + me.user;
    document.querySelector('nav a[data-page="admin"]').hidden = !me.groups.includes('usersession-admin');
    document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === active));
    document.getElementById('logout').addEventListener('click', async () => {
      await fetch('usersession/logout', { method: 'POST' });
      localStorage.removeItem('signedIn');
      window.location.href = 'login.html?reason=logout';
    });
    return me;
  },

  // The library names the device: "Chrome 156 on Linux from 127.0.0.1" -> "Chrome 156 on Linux · 127.0.0.1"
  device(client) {
    const at = client.lastIndexOf(' from ');
    return at < 0 ? client : client.slice(0, at) + ' · ' + client.slice(at + ' from '.length);
  },

  money(value) {
    return '€ ' + Number(value).toFixed(2);
  },

  when(iso) {
    return new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  }
};
