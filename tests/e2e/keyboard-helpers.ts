/**
 * Moving through the app with the keyboard alone, as a learner without a mouse does: what has
 * the focus, whether the eye can see where it is, and Tab until a wanted element has it.
 */
import { expect, type Page } from '@playwright/test';

export interface Focused {
  /** A short description for failure messages: tag, test id or label, and text. */
  what: string;
  testId: string | null;
  lesson: string | null;
  inTerminal: boolean;
  isBody: boolean;
  /** An outline or a box shadow is drawn around it. */
  ringVisible: boolean;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) {
      return { what: 'body', testId: null, lesson: null, inTerminal: false, isBody: true, ringVisible: false };
    }
    const style = getComputedStyle(el);
    const outline =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !/rgba\(.*, 0\)$/.test(style.outlineColor);
    const label = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.getAttribute('role') ?? '';
    return {
      what: `${el.tagName.toLowerCase()}[${label}] "${(el.textContent ?? '').trim().slice(0, 40)}"`,
      testId: el.getAttribute('data-testid'),
      lesson: el.getAttribute('data-lesson'),
      inTerminal: Boolean(el.closest('.xterm')),
      isBody: false,
      ringVisible: outline || style.boxShadow !== 'none',
    };
  });
}

/**
 * Press Tab until `wanted` holds for the focused element, checking on the way that each one
 * shows where the focus is (the terminal draws its own cursor instead). Fails after `limit`.
 */
export async function tabUntil(page: Page, wanted: (f: Focused) => boolean, limit = 120): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    seen.push(now);
    if (!now.isBody && !now.inTerminal) expect(now.ringVisible, `a focus ring on ${now.what}`).toBe(true);
    if (wanted(now)) return seen;
  }
  throw new Error(`Tab never reached the wanted element; it went through:\n${seen.map((f) => f.what).join('\n')}`);
}

/** Record what the step announcer says from now on, one entry per message. */
export async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    const region = document.querySelector('[data-testid="step-announcer"]');
    if (!region) throw new Error('no step announcer on the page');
    new MutationObserver((records) => {
      for (const r of records) for (const node of r.addedNodes) said.push(node.textContent ?? '');
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
}

export function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { said: string[] }).said);
}
