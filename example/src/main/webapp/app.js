// Shared by the shop's pages: the header, calls to the API, and what each error means to a person.
const shop = {
  async api(path, options = {}) {
    const init = { method: options.method || 'GET', headers: { 'Accept': 'application/json' } };
    if (options.body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (response.status === 401 && !options.anonymousOk) {
      // A page that was signed in and is no longer: the session ended (another device, expiry, restart of a test).
      window.location.href = localStorage.getItem('signedIn') ? 'login.html?reason=ended' : 'login.html';
      localStorage.removeItem('signedIn');
      throw new Error('signed out');
    }
    if (!response.ok) {
      const error = new Error((data && data.message) || 'Something went wrong (' + response.status + ').');
      error.status = response.status;
      throw error;
    }
    return data;
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
      </nav>
      <span class="who"></span>
      <button class="secondary" id="logout">Sign out</button>
    </div>`;
    const me = await shop.api('api/account/me');
    document.querySelector('.who').textContent = 'Signed in as ' + me.user;
    document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === active));
    document.getElementById('logout').addEventListener('click', async () => {
      await fetch('usersession/logout', { method: 'POST' });
      localStorage.removeItem('signedIn');
      window.location.href = 'login.html?reason=logout';
    });
    return me;
  },

  // "Mozilla/5.0 (X11; Linux x86_64) ... Chrome/156 ... from 127.0.0.1" -> "Chrome on Linux · 127.0.0.1"
  device(client) {
    const [agent, address] = client.split(' from ');
    const browser = [['Edg/', 'Edge'], ['Firefox/', 'Firefox'], ['Chrome/', 'Chrome'], ['Safari/', 'Safari'],
      ['curl/', 'curl'], ['Java-http-client', 'Java client']].find(([mark]) => agent.includes(mark));
    const system = [['Windows', 'Windows'], ['Android', 'Android'], ['iPhone', 'iPhone'], ['Mac OS', 'macOS'],
      ['Linux', 'Linux']].find(([mark]) => agent.includes(mark));
    const name = (browser ? browser[1] : 'Unknown browser') + (system ? ' on ' + system[1] : '');
    return address ? name + ' · ' + address : name;
  },

  money(value) {
    return '€ ' + Number(value).toFixed(2);
  },

  when(iso) {
    return new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  }
};
