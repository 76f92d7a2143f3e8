// Renders a message's HTML part in headless Chromium (Debian's chromium, via playwright-core; no browser download) as a
// phone and as a desktop would show it, and prints what a reader sees as one JSON document on stdout, for
// DemoCommandTests to assert on: the first line, each section's rows as text, whether anything was fetched from the
// network (a mail must not), how wide the card is and whether the page scrolls sideways. Screenshots are saved.
//
// node mail-render.mjs <message.html> <screenshot prefix>   (writes <prefix>-400.png and <prefix>-1024.png)
// CHROMIUM (optional): the browser's path, default /usr/bin/chromium.
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";

const [htmlFile, screenshotPrefix] = process.argv.slice(2);
if (!htmlFile || !screenshotPrefix) {
  console.error("usage: node mail-render.mjs <message.html> <screenshot prefix>");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage"], // CI runs as root in a container
});

try {
  const address = pathToFileURL(htmlFile).href;
  const views = {};
  for (const width of [400, 1024]) {
    // Scripts off, as in every mail client: what shows is the markup alone.
    const page = await browser.newPage({ viewport: { width, height: 900 }, javaScriptEnabled: false });
    const fetched = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url === address) {
        return route.continue();
      }
      fetched.push(url);
      return route.abort();
    });
    await page.goto(address);
    views[width] = await page.evaluate(() => {
      const text = (element) => element.innerText.replace(/\s+/g, " ").trim();
      const sections = Array.from(document.querySelectorAll("h2")).map((heading) => {
        let next = heading.nextElementSibling;
        return {
          title: text(heading),
          rows: next && next.tagName === "TABLE" ? Array.from(next.rows, text) : [],
          paragraph: next && next.tagName === "P" ? text(next) : null,
        };
      });
      const card = document.querySelector("table table");
      return {
        firstLine: document.body.innerText.trim().split("\n")[0].trim(),
        sections,
        cardWidth: card ? card.getBoundingClientRect().width : null,
        scrollWidth: document.documentElement.scrollWidth,
        links: Array.from(document.querySelectorAll("a"), (a) => ({ text: text(a), href: a.getAttribute("href") })),
      };
    });
    views[width].fetched = fetched;
    await page.screenshot({ path: `${screenshotPrefix}-${width}.png`, fullPage: true });
    await page.close();
  }

  process.stdout.write(JSON.stringify({ phone: views[400], desktop: views[1024] }));
} finally {
  await browser.close();
}
