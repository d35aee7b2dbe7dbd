/* The sign-in form: the CSRF token from its cookie, the page's message, the language switch. */
(function () {
  const { t, apply, toggle, cookie, provinces } = window.OCOP_I18N;
  function showMessage() {
    const query = new URLSearchParams(location.search);
    const message = document.getElementById('message');
    let text = null;
    if (query.has('error')) {
      text = t('signIn.error.' + (query.get('error') === 'too-many' ? 'too-many' : 'credentials'),
        { retry: query.get('retry') || '60' });
    } else if (query.has('signed-out')) {
      text = t('signIn.signed-out');
    } else if (query.has('expired')) {
      text = t('signIn.expired');
    }
    message.hidden = text === null;
    message.textContent = text || '';
  }
  function render() {
    apply();
    document.title = t('signIn.title') + ' — ' + t('title');
    showMessage();
  }
  document.getElementById('sign-in-form').addEventListener('submit', () => {
    document.getElementById('csrf').value = cookie('XSRF-TOKEN');
  });
  document.getElementById('language').addEventListener('click', () => { toggle(); render(); });
  provinces().then(render);
})();
