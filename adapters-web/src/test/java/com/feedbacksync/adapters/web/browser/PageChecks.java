package com.feedbacksync.adapters.web.browser;

import java.util.List;

/**
 * Checks of the page as it is shown, run in the browser: what axe-core would look at first (it does
 * not install here: Maven Central serves no axe-core WebJar to this machine). Every visible control
 * has a label, every button and link a name, every image an alt text, ids are unique and ARIA
 * references resolve, there is one h1, a main landmark and a language, text meets WCAG AA contrast
 * against its background, and nothing overflows the window sideways.
 */
final class PageChecks {

  private static final String SCRIPT =
      """
      const problems = [];
      const visible = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)
        && getComputedStyle(e).visibility !== 'hidden';
      const named = (e) => (e.getAttribute('aria-label')
        || (e.getAttribute('aria-labelledby') || '').split(/\\s+/)
             .map((id) => document.getElementById(id)?.textContent || '').join(' ')
        || e.textContent || e.getAttribute('title') || e.querySelector('img[alt]')?.alt || '').trim();
      if (!document.documentElement.lang) problems.push('the page has no language');
      if (document.querySelectorAll('h1').length !== 1) problems.push('not exactly one h1');
      if (!document.querySelector('main')) problems.push('no main landmark');
      for (const e of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
        if (visible(e) && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
            && !e.getAttribute('aria-labelledby')) problems.push('control without a label: #' + e.id);
      }
      for (const e of document.querySelectorAll('button, a[href], [role=tab]')) {
        if (visible(e) && !named(e)) problems.push('no accessible name: ' + e.outerHTML.slice(0, 80));
      }
      for (const e of document.querySelectorAll('img')) {
        if (!e.hasAttribute('alt')) problems.push('image without alt: ' + e.outerHTML.slice(0, 80));
      }
      const ids = new Set();
      for (const e of document.querySelectorAll('[id]')) {
        if (ids.has(e.id)) problems.push('duplicate id ' + e.id);
        ids.add(e.id);
      }
      for (const attr of ['aria-controls', 'aria-labelledby']) {
        for (const e of document.querySelectorAll('[' + attr + ']')) {
          for (const id of e.getAttribute(attr).split(/\\s+/)) {
            if (!document.getElementById(id)) problems.push(attr + ' names no element: ' + id);
          }
        }
      }
      const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
      const luminance = ([r, g, b]) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (e) => {
        for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
          const c = rgb(getComputedStyle(n).backgroundColor);
          if (c.length >= 3 && (c.length < 4 || c[3] > 0.9)) return c;
        }
        return [255, 255, 255];
      };
      for (const e of document.querySelectorAll('body *')) {
        const ownText = Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
        if (!ownText || !visible(e) || e.closest('[disabled]')) continue;
        const style = getComputedStyle(e);
        const a = luminance(rgb(style.color)), b = luminance(background(e));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
        const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
        if (ratio < needed) problems.push('contrast ' + ratio.toFixed(2) + ' < ' + needed + ': '
          + e.tagName + ' "' + e.textContent.trim().slice(0, 40) + '"');
      }
      if (document.documentElement.scrollWidth > window.innerWidth + 1) {
        problems.push('the page is wider than the window: ' + document.documentElement.scrollWidth
          + ' > ' + window.innerWidth);
      }
      return problems;
      """;

  private PageChecks() {}

  /** What the page, as shown now, gets wrong; empty when nothing. */
  @SuppressWarnings("unchecked")
  static List<String> problems(HeadlessChromium chromium) {
    return (List<String>) chromium.script(SCRIPT);
  }
}
