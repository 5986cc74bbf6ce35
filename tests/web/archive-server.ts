import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { indexCorpus } from '../../src/index/index.js';
import { startServer } from '../../src/web/server.js';
import { generateArchive } from '../helpers/generated-archive.js';

export const SCREENSHOTS = path.resolve('tests', 'screenshots');

/** A real server over a generated archive (tests/helpers/generated-archive.ts) indexed by the real indexer into a temporary folder. */
export async function startArchiveServer(options: Parameters<typeof generateArchive>[0] = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const archive = await generateArchive(options);
  const dir = await mkdtemp(path.join(tmpdir(), 'depeches-archive-index-'));
  await indexCorpus(archive.dir, dir);
  const server = await startServer({ indexDir: dir, port: 0, watchIndex: false });
  return {
    url: server.url,
    stop: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
      await archive.cleanup();
    },
  };
}

/** Labels and counts of the timeline that are clipped, wrapped or overflow their bar (none, when it reads well). */
export async function unreadableTimelineText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[data-frise] .barre-etiquette, [data-frise] .barre-nombre')) {
      const style = getComputedStyle(el);
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
      const bar = el.closest('a')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      if (el.scrollWidth > el.clientWidth + 1 || box.height > lineHeight * 1.4 || box.left < bar.left - 1 || box.right > bar.right + 1) bad.push(el.textContent ?? '');
    }
    return bad;
  });
}

export async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth);
}
