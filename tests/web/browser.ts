import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';

/** Debian's Chromium, used when Playwright's own browser is not installed. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** A headless Chromium that does not phone home (no background networking, no component updates). */
export async function launchBrowser(): Promise<Browser> {
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
  let executablePath: string | undefined;
  try {
    if (!existsSync(chromium.executablePath())) executablePath = SYSTEM_CHROMIUM;
  } catch {
    executablePath = SYSTEM_CHROMIUM;
  }
  return chromium.launch({ headless: true, executablePath, args });
}

/**
 * One Chromium for a test file, and the French pages its tests open: every
 * console error or warning and every page error of any page lands in
 * `problems`, which a file's last test expects empty. `launch()` in
 * beforeAll, `close()` in afterAll (it closes every context it opened).
 */
export class BrowserSession {
  readonly problems: string[] = [];
  private browser: Browser | null = null;
  private readonly contexts: BrowserContext[] = [];

  async launch(): Promise<void> {
    this.browser = await launchBrowser();
  }

  /** A page of a fresh French context (1280×900 unless `options` say otherwise). */
  async page(options: BrowserContextOptions = {}): Promise<Page> {
    if (!this.browser) throw new Error('BrowserSession.page() before launch()');
    const context = await this.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, ...options });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') this.problems.push(`${m.type()}: ${m.text()} (${page.url()})`);
    });
    page.on('pageerror', (e) => this.problems.push(`pageerror: ${e.message}`));
    return page;
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => {});
    await this.browser?.close();
  }
}
