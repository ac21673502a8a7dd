/**
 * The agent app's in-page script: plain JavaScript inlined into the page (no build step).
 * Routes change with pushState/popstate like Gladly's React app. On every navigation the old
 * customer's panel stays for a moment (`?linger=ms`, else 150–500 ms), then a skeleton shows
 * (`?skeleton=ms`, else 300–1500 ms) before the new view. `?staged=ms` renders the panel in two
 * stages, its phone numbers `ms` after the rest (as a React app whose sections load separately
 * may). `window.gladlyNavigate(path)` is for tests.
 * Each rendered panel carries `data-rendered-at` (epoch ms) so the benchmark can time from it.
 */
export const CLIENT_SCRIPT = String.raw`(() => {
  const params = new URLSearchParams(location.search);
  const fixed = (name) => (params.has(name) && Number.isFinite(Number(params.get(name))) ? Number(params.get(name)) : null);
  const skeletonMs = () => fixed('skeleton') ?? 300 + Math.floor(Math.random() * 1200);
  const lingerMs = () => fixed('linger') ?? 150 + Math.floor(Math.random() * 350);
  const stagedMs = fixed('staged');
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const panel = document.getElementById('gladly-customer');
  const timeline = document.getElementById('gladly-timeline');
  const SKELETON = '<div class="_sk0A" aria-busy="true"><div class="_sk1B"></div><div class="_sk1B"></div><div class="_sk1B"></div></div>';
  let generation = 0;

  function markActive() {
    for (const link of document.querySelectorAll('a[data-conversation-link]')) {
      if (link.getAttribute('href') === location.pathname) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  async function render(lingerFirst, redirected) {
    const mine = ++generation;
    markActive();
    if (lingerFirst) await sleep(lingerMs());
    if (mine !== generation) return;
    panel.innerHTML = SKELETON;
    timeline.innerHTML = SKELETON;
    const [view] = await Promise.all([
      fetch('/_app/view?path=' + encodeURIComponent(location.pathname)).then((r) => r.json()),
      sleep(redirected ? 0 : skeletonMs()),
    ]);
    if (mine !== generation) return;
    if (view.redirect) {
      history.replaceState(null, '', view.redirect + location.search);
      return render(false, true);
    }
    document.title = view.title + ' · Gladly';
    panel.innerHTML = view.panel;
    timeline.innerHTML = view.timeline;
    // When this customer's panel went on screen (epoch ms), for the benchmark's "panel → orders".
    panel.setAttribute('data-rendered-at', String(performance.timeOrigin + performance.now()));
    if (stagedMs !== null) {
      const phones = panel.querySelector('._k9Ho');
      if (phones) phones.innerHTML = '<span class="_z0Gg">Add phone</span>';
      await sleep(stagedMs);
      if (mine === generation) panel.innerHTML = view.panel;
    }
  }

  window.gladlyNavigate = (path) => {
    history.pushState(null, '', path);
    void render(true);
  };
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-conversation-link]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    if (link.getAttribute('href') !== location.pathname) window.gladlyNavigate(link.getAttribute('href'));
  });
  addEventListener('popstate', () => void render(true));
  markActive();
  if (!panel.hasAttribute('data-ready')) void render(false);
})();`;
