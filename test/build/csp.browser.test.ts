import type { Browser } from "playwright-core";
import { describeWith } from "../engines/engines";
import { OFFICE_JS, buildStub, launch, serveDist } from "../support/browser";

/**
 * The CSP must not break the pane: Fluent UI (Griffel) creates <style> elements at run time, which
 * `style-src 'unsafe-inline'` allows; without it the pane renders unstyled. Scripts stay strict.
 */
describeWith(["chromium"], "the shipped Content-Security-Policy in headless Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  let stub: string;

  beforeAll(async () => {
    [stub, server, browser] = await Promise.all([buildStub(), serveDist(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("lets Fluent UI style every view of the pane, with no violation reported", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { __violations: seen });
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(OFFICE_JS)) return route.fulfill({ status: 200, contentType: "text/javascript", body: stub });
      return url.startsWith(server.url) ? route.continue() : route.abort();
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByTestId("ready").waitFor();
    const tabs = await page.getByRole("tab").all();
    expect(tabs.length).toBeGreaterThanOrEqual(3);
    for (const tab of tabs) {
      await tab.click();
      await page.waitForFunction((name) => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === name, await tab.textContent());
    }
    expect(await page.evaluate("window.__violations")).toEqual([]);
    // Griffel's rules landed: Fluent's font stack, not the browser default.
    expect(await page.evaluate("getComputedStyle(document.querySelector('button')).fontFamily")).toContain("Segoe UI");
  });
});
