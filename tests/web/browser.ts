import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

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
