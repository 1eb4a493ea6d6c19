// Debian's Chromium, driven through playwright-core: never a browser download. One browser per test file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** The flags this machine needs (no network but loopback), shared with `npm run demo:browser`. */
export const CHROMIUM_FLAGS: string[] = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../fixtures/browser/chromium-flags.json", import.meta.url)), "utf8"),
);

export interface Chromium {
  context: BrowserContext;
  version: string;
  close(): Promise<void>;
}

/** Throws (so the tests fail, not skip) where Chromium is not installed, saying how to install it. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing (${CHROMIUM}): the browser tests need Debian's Chromium. Install it with: apt-get install -y chromium`,
    );
  }
}

/** Chromium headless with a fresh --user-data-dir, removed again by close(). */
export async function launchChromium(): Promise<Chromium> {
  assertChromium();
  const profile = mkdtempSync(join(tmpdir(), "python-websocket-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    const version = context.browser()?.version() ?? (await versionOf(context));
    return {
      context,
      version,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

async function versionOf(context: BrowserContext): Promise<string> {
  const page = context.pages()[0] ?? (await context.newPage());
  return page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? "unknown");
}
