// Lumen Home — consent banner
(function () {
  var bar = document.querySelector('.cookie-bar');
  if (!bar) return;
  bar.addEventListener('click', function (e) {
    var choice = e.target.getAttribute('data-consent');
    if (!choice) return;
    localStorage.setItem('lumen-consent', JSON.stringify({ choice: choice, at: Date.now() }));
    bar.remove();
  });
})();
