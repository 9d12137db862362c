// Northwind Outfitters — cookie bar and cart badge
document.addEventListener('DOMContentLoaded', function () {
  var bar = document.getElementById('cookie-bar');
  var btn = bar && bar.querySelector('.cookie-accept');
  if (btn) btn.addEventListener('click', function () {
    document.cookie = 'nw_consent=1; max-age=' + 60 * 60 * 24 * 395 + '; path=/';
    bar.hidden = true;
  });
});
