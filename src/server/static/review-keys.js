// Keyboard shortcuts of the indicator page (progressive enhancement: everything works without them).
// Single-key shortcuts act only outside text fields and can be switched off (WCAG 2.1.4).
(() => {
  const STORAGE_KEY = 'portal-audit-shortcuts';
  const toggle = document.getElementById('shortcuts-on');
  const toggleRow = toggle?.closest('.js-only');
  if (toggleRow) toggleRow.hidden = false;
  const enabled = () => (toggle ? toggle.checked : true);
  if (toggle) {
    try {
      toggle.checked = localStorage.getItem(STORAGE_KEY) !== 'off';
    } catch {}
    toggle.addEventListener('change', () => {
      try {
        localStorage.setItem(STORAGE_KEY, toggle.checked ? 'on' : 'off');
      } catch {}
    });
  }

  const form = document.getElementById('decide-form');
  const isTyping = (el) =>
    el instanceof HTMLElement &&
    (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) &&
    !(el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox'));

  const follow = (id) => {
    const link = document.getElementById(id);
    if (link instanceof HTMLAnchorElement) window.location.assign(link.href);
  };

  const save = () => {
    if (!form) return;
    const button = form.querySelector('button[value="stay"]');
    if (typeof form.requestSubmit === 'function') form.requestSubmit(button ?? undefined);
    else form.submit();
  };

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented) return;
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && form?.contains(event.target)) {
      event.preventDefault();
      save();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || !enabled() || isTyping(event.target)) return;
    const key = event.key;
    if (key === 'n' || key === 'j') {
      event.preventDefault();
      follow('next-indicator');
    } else if (key === 'p' || key === 'k') {
      event.preventDefault();
      follow('prev-indicator');
    } else if (key === '1' || key === '2' || key === '3') {
      const radio = form?.querySelector(`input[type="radio"][data-key="${key}"]`);
      if (radio instanceof HTMLInputElement) {
        event.preventDefault();
        radio.checked = true;
        radio.dispatchEvent(new Event('change', { bubbles: true }));
        form.querySelector('textarea')?.focus();
      }
    } else if (key === 's') {
      if (form) {
        event.preventDefault();
        save();
      }
    } else if (key === '?') {
      event.preventDefault();
      document.getElementById('keys-h')?.focus();
    }
  });
})();
