// Injected at document start into every page the bench opens (the SPA and the
// baseline alike), so both are measured by the same code. It finds the list
// by role and name only: a table (or grid) named "Monitors" whose rows hold a
// link to a monitor. All times are performance.now() values, i.e. ms since
// the navigation started.
(() => {
  if (window.__bench) return;

  const LIST_NAME = 'Monitors';
  const LIST_SELECTOR = 'table, [role="table"], [role="grid"], [role="treegrid"]';
  const ROW_SELECTOR = 'tr, [role="row"]';
  const MONITOR_LINK = 'a[href*="/monitors/"]';

  function accessibleName(el) {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      return by
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
    }
    return el.querySelector(':scope > caption')?.textContent?.trim() ?? '';
  }

  function monitorList() {
    for (const el of document.querySelectorAll(LIST_SELECTOR)) {
      if (accessibleName(el) === LIST_NAME) return el;
    }
    return null;
  }

  const isMonitorRow = (row) => row.querySelector(MONITOR_LINK) !== null;

  /** Rows that show a monitor (not the header row, not the empty-state row). */
  function monitorRows(list) {
    return [...list.querySelectorAll(ROW_SELECTOR)].filter(isMonitorRow);
  }

  /** The first `n` monitor rows, without walking every row of a long list. */
  function firstMonitorRows(list, n) {
    const out = [];
    for (const row of list.querySelectorAll(ROW_SELECTOR)) {
      if (isMonitorRow(row)) out.push(row);
      if (out.length === n) break;
    }
    return out;
  }

  /** The last monitor row, walking from the end. */
  function lastMonitorRow(list) {
    const rows = list.querySelectorAll(ROW_SELECTOR);
    for (let i = rows.length - 1; i >= 0; i--) if (isMonitorRow(rows[i])) return rows[i];
    return null;
  }

  function isVisible(el) {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    if (r.bottom <= 0 || r.right <= 0 || r.top >= window.innerHeight || r.left >= window.innerWidth) return false;
    return getComputedStyle(el).visibility !== 'hidden';
  }

  /** Resolves after the frame that follows now has been produced (rAF, then a task after it). */
  function afterNextFrame() {
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }

  const state = { firstRowAt: null, rowsAtFirst: null, fcp: null, lcp: null };

  // First rows: watch the DOM from the start until a monitor row is visible.
  const firstRowObserver = new MutationObserver(() => {
    if (state.firstRowAt !== null) return;
    const list = monitorList();
    if (!list) return;
    const first = firstMonitorRows(list, 5);
    if (first.length === 0 || !first.some(isVisible)) return;
    firstRowObserver.disconnect();
    void afterNextFrame().then(() => {
      state.firstRowAt = performance.now();
      state.rowsAtFirst = monitorRows(monitorList() ?? list).length;
    });
  });
  firstRowObserver.observe(document, { childList: true, subtree: true });

  try {
    new PerformanceObserver((entries) => {
      for (const e of entries.getEntries()) if (e.name === 'first-contentful-paint') state.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((entries) => {
      const last = entries.getEntries().at(-1);
      if (last) state.lcp = last.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {
    // Older engines: paint timings are optional extras.
  }

  /** True when a mutation touched the monitor list (or replaced it). */
  function touchesList(mutations) {
    const list = monitorList();
    for (const m of mutations) {
      if (list && (m.target === list || list.contains(m.target))) return true;
      for (const n of [...m.addedNodes, ...m.removedNodes]) {
        if (n.nodeType !== 1) continue;
        if (n.matches?.(LIST_SELECTOR) || n.querySelector?.(LIST_SELECTOR)) return true;
      }
    }
    return false;
  }

  let pending = null;

  /**
   * Arms one keystroke measurement: from the keydown (its event timestamp) to
   * the frame after the first change to the list. Resolves to { ms,
   * inputDelayMs }, or { timedOut: true } when the list did not change within
   * `timeoutMs` of the keydown (or no keydown came within `timeoutMs` of
   * arming). inputDelayMs is the part of ms before the keydown was dispatched
   * (the event's timestamp is when the browser took the input in), so a trace
   * can line up the rest with the keydown's dispatch.
   */
  function armKeystroke(timeoutMs) {
    let keydownAt = null;
    let dispatchedAt = null;
    let timer = null;
    let resolveFn;
    const done = new Promise((resolve) => {
      resolveFn = resolve;
    });
    const giveUp = () => {
      observer.disconnect();
      document.removeEventListener('keydown', onKeydown, { capture: true });
      resolveFn({ timedOut: true });
    };
    const observer = new MutationObserver((mutations) => {
      if (keydownAt === null || !touchesList(mutations)) return;
      observer.disconnect();
      clearTimeout(timer);
      void afterNextFrame().then(() => resolveFn({ ms: performance.now() - keydownAt, inputDelayMs: dispatchedAt - keydownAt }));
    });
    const onKeydown = (event) => {
      dispatchedAt = performance.now();
      keydownAt = event.timeStamp;
      clearTimeout(timer);
      // Measured from the keydown: a page still busy with the previous keystroke does not eat into it.
      timer = setTimeout(giveUp, Math.max(0, keydownAt + timeoutMs - performance.now()));
    };
    document.addEventListener('keydown', onKeydown, { capture: true, once: true });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    timer = setTimeout(giveUp, timeoutMs);
    pending = done;
    return true;
  }

  function scrollParent(el) {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (/(auto|scroll|overlay)/.test(style.overflowY) && p.scrollHeight > p.clientHeight + 1) return p;
    }
    return document.scrollingElement ?? document.documentElement;
  }

  /**
   * Jumps the list's scroll container to the end and resolves when the end is
   * shown: scrolled to the bottom, the last monitor row visible, and one whole
   * frame without changes to the list (a virtual list renders its last rows).
   */
  function scrollToEnd(timeoutMs) {
    const list = monitorList();
    if (!list) return Promise.resolve({ error: 'no list named Monitors' });
    const scroller = scrollParent(list);
    let changed = true;
    const observer = new MutationObserver((mutations) => {
      if (touchesList(mutations)) changed = true;
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const started = performance.now();
    scroller.scrollTop = scroller.scrollHeight;
    return new Promise((resolve) => {
      const check = () => {
        const now = performance.now();
        if (now - started > timeoutMs) {
          observer.disconnect();
          resolve({ timedOut: true });
          return;
        }
        const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
        if (!atEnd) scroller.scrollTop = scroller.scrollHeight; // a virtual list may grow as it measures
        const last = lastMonitorRow(monitorList() ?? list);
        if (atEnd && !changed && last && isVisible(last)) {
          observer.disconnect();
          void afterNextFrame().then(() =>
            resolve({ ms: performance.now() - started, rowsInDom: monitorRows(monitorList() ?? list).length, scrollHeight: scroller.scrollHeight }),
          );
          return;
        }
        changed = false;
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }

  window.__bench = {
    state,
    rowCount: () => {
      const list = monitorList();
      return list ? monitorRows(list).length : 0;
    },
    armKeystroke,
    keystrokeDone: () => pending,
    scrollToEnd,
    afterNextFrame,
  };
})();
