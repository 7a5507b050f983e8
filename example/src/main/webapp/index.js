// The script of the page of the same name, kept out of it so that the shop's CSP can refuse inline scripts.
const message = document.getElementById('message');

function renderCart(cart) {
  document.getElementById('count').textContent = cart.items;
  document.getElementById('total').textContent = shop.money(cart.total);
  document.getElementById('checkout').disabled = cart.items === 0;
  const lines = document.getElementById('lines');
  lines.innerHTML = '';
  if (cart.lines.length === 0) {
    lines.innerHTML = '<li class="empty">Your cart is empty.</li>';
  }
  for (const line of cart.lines) {
    const item = document.createElement('li');
    item.dataset.product = line.productId;
    item.innerHTML = '<span><strong></strong> × <span class="quantity"></span></span><span><span class="subtotal"></span> <button class="remove" title="Remove">✕</button></span>';
    item.querySelector('strong').textContent = line.name;
    item.querySelector('.quantity').textContent = line.quantity;
    item.querySelector('.subtotal').textContent = shop.money(line.subtotal);
    item.querySelector('.remove').addEventListener('click', () => change('DELETE', line.productId));
    lines.appendChild(item);
  }
}

// Changes go out one at a time: two requests of one session changing the cart at once would make the later
// one fail with 409 (the library never lets one overwrite the other silently).
let queue = Promise.resolve();
function change(method, productId) {
  queue = queue.then(async () => {
    try {
      renderCart(await shop.api('api/cart/items/' + encodeURIComponent(productId), { method }));
      message.className = 'message';
    } catch (error) {
      shop.show(message, shop.explain(error), 'error');
    }
  });
}

async function start() {
  await shop.header('shop');
  const products = await shop.api('api/products');
  const grid = document.getElementById('products');
  for (const product of products) {
    const card = document.createElement('article');
    card.className = 'card product';
    card.innerHTML = '<div class="tile"></div><div class="body"><h3></h3><p></p><div class="row"><span class="price"></span><button class="add">Add to cart</button></div></div>';
    card.querySelector('.tile').style.background = product.color;
    card.querySelector('.tile').textContent = product.name.split(' ').map(w => w[0]).join('').slice(0, 2).toUpperCase();
    card.querySelector('h3').textContent = product.name;
    card.querySelector('p').textContent = product.description;
    card.querySelector('.price').textContent = shop.money(product.price);
    card.querySelector('.add').id = 'add-' + product.id;
    card.querySelector('.add').addEventListener('click', () => change('POST', product.id));
    grid.appendChild(card);
  }
  renderCart(await shop.api('api/cart'));
  const orders = await shop.api('api/cart/orders');
  if (orders.length) {
    document.getElementById('orders').textContent = orders.length + ' order(s) placed in this session.';
  }
}

document.getElementById('checkout').addEventListener('click', async () => {
  try {
    const order = await shop.api('api/cart/checkout', { method: 'POST' });
    shop.show(message, 'Thank you! Order ' + order.number + ' for ' + shop.money(order.total) + ' is placed.', 'info');
    renderCart(await shop.api('api/cart'));
  } catch (error) {
    shop.show(message, shop.explain(error), 'error');
  }
});

start();
