// Drives the department's upload page in headless Chromium (Debian's chromium, via playwright-core; no browser download)
// and prints what a person would see, as one JSON document on stdout, for UploadPageBrowserTests to assert on.
// Any step that does not happen within its time fails the script (exit code 1, the reason on stderr): never a silent pass.
//
// node upload-page-check.mjs <page link> <good file> <bad file> <screenshot.png> <fixed file> <workbook> <earlier file> <foreign link>
// (the fixed file has the bad file's name: its answer must replace the rejection, not be mistaken for it; the workbook is an
// .xlsx for a month nobody else sends; the earlier file is sent declaring a received time before the month's upload in
// force; the foreign link is this page with an upload part that points at another department's container)
// node upload-page-check.mjs --failed <page link> <file>: one upload whose processing fails, and the answer shown.
// CHROMIUM (optional): the browser's path, default /usr/bin/chromium.
import { chromium } from "playwright-core";
import path from "node:path";
import { readFileSync } from "node:fs";

const failedMode = process.argv[2] === "--failed";
const [pageLink, goodFile, badFile, screenshot, fixedFile, workbookFile, earlierFile, foreignLink] = process.argv.slice(failedMode ? 3 : 2);
if (!pageLink || !goodFile || (!failedMode && (!badFile || !screenshot || !fixedFile || !workbookFile || !earlierFile || !foreignLink))) {
  console.error("usage: node upload-page-check.mjs <page link> <good file> <bad file> <screenshot.png> <fixed file> <workbook> <earlier file> <foreign link>\n" +
    "       node upload-page-check.mjs --failed <page link> <file>");
  process.exit(2);
}

const STEP_TIMEOUT = 30000;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage"], // CI runs as root in a container
});

try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  // Script errors only: a 404 while the answer is not there yet is expected and logged by the browser as a failed load.
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  page.setDefaultTimeout(STEP_TIMEOUT);
  // Every Content-Security-Policy violation the page causes, as the browser reports it to the page.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI));
  });
  const cspViolations = async () => page.evaluate(() => window.__cspViolations || []);
  // Every upload the page attempts (a PUT), to show that a refused target is never sent anything.
  const puts = [];
  page.on("request", (request) => { if (request.method() === "PUT") { puts.push(request.url().split("?")[0]); } });

  async function uploadAndRead(file, status) {
    const name = path.basename(file);
    await page.setInputFiles("#file", file);
    const heading = page.locator("#answer-heading", { hasText: status + ": " + name });
    await heading.waitFor({ state: "visible", timeout: 60000 });
    return {
      heading: await heading.innerText(),
      summary: await page.locator("#answer-summary").innerText(),
      problems: await page.locator("#problems tbody tr").evaluateAll((rows) => rows.map((row) => Array.from(row.cells, (cell) => cell.innerText.trim()))),
      problemHeader: await page.locator("#problems thead th").evaluateAll((cells) => cells.map((cell) => cell.innerText.trim())),
    };
  }

  if (failedMode) {
    await page.goto(pageLink);
    await page.locator("#kpis tbody tr").first().waitFor({ state: "visible" });
    const failed = await uploadAndRead(goodFile, "Failed");
    console.log(JSON.stringify({ failed, cspViolations: await cspViolations(), pageErrors }, null, 2));
    process.exit(0);
  }

  await page.goto(pageLink);
  await page.locator("#kpis tbody tr").first().waitFor({ state: "visible" });
  // The upload link (a write link) has left the address bar and this history entry once the page read it.
  const afterLoad = { url: page.url(), hash: await page.evaluate(() => window.location.hash), policy: await page.locator("meta[http-equiv='Content-Security-Policy']").getAttribute("content") };
  const guide = {
    title: await page.locator("h1").innerText(),
    organisation: await page.locator("#organisation").innerText(),
    due: await page.locator("#due").innerText(),
    deadline: await page.locator("#deadline").innerText(),
    kpis: await page.locator("#kpis tbody tr").evaluateAll((rows) => rows.map((row) => Array.from(row.cells, (cell) => cell.innerText.trim()))),
    templates: await page.locator("#templates a").evaluateAll((links) => links.map((a) => ({ text: a.innerText, href: a.href }))),
  };
  // Each template link downloads through the page's own link.
  for (const link of guide.templates) {
    const response = await page.request.get(link.href);
    link.status = response.status();
    link.contentType = response.headers()["content-type"];
    link.start = (await response.body()).subarray(0, 60).toString("utf8").replace(/^\uFEFF/, "");
  }

  const good = await uploadAndRead(goodFile, "Accepted");
  const bad = await uploadAndRead(badFile, "Rejected");
  const goodName = path.basename(goodFile);
  const badName = path.basename(badFile);
  await page.waitForFunction(([a, b]) => {
    const text = document.querySelector("#history")?.innerText || "";
    return text.includes(a) && text.includes(b);
  }, [goodName, badName]);
  const history = await page.locator("#history tbody tr").evaluateAll((rows) => rows.map((row) => Array.from(row.cells, (cell) => cell.innerText.trim())));
  await page.screenshot({ path: screenshot, fullPage: true });

  // The bad file corrected and uploaded again under its name: the rejection is already there, the page waits for the new answer.
  const fixed = await uploadAndRead(fixedFile, "Accepted");

  // Azurite (no blob versioning) gives upload times in whole seconds, and two names uploaded in one second are ordered by
  // their version key, not by time (docs/reliability.md, known limits). The drop must be the month's newest upload, as a
  // person's next upload always is: it waits for the next second after the fixed file's answer (a clock boundary, not a guess).
  const fixedSecond = Math.floor(Date.now() / 1000);
  while (Math.floor(Date.now() / 1000) <= fixedSecond) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  // Drag and drop: the good file's content dropped on the drop zone, as a file of another name.
  const droppedName = "dropped " + goodName;
  const transfer = await page.evaluateHandle(([name, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: "text/csv" }));
    return data;
  }, [droppedName, readFileSync(goodFile, "utf8")]);
  await page.dispatchEvent("#drop-zone", "dragenter", { dataTransfer: transfer });
  await page.dispatchEvent("#drop-zone", "drop", { dataTransfer: transfer });
  const droppedHeading = page.locator("#answer-heading", { hasText: droppedName });
  await droppedHeading.waitFor({ state: "visible", timeout: 60000 });
  const dropped = { heading: await droppedHeading.innerText(), summary: await page.locator("#answer-summary").innerText() };

  // The good file again under its name, the same bytes, in a later second: a new upload, so it is the newest and in force
  // again, whatever it holds (only the same version delivered twice is a no-op).
  const droppedSecond = Math.floor(Date.now() / 1000);
  while (Math.floor(Date.now() / 1000) <= droppedSecond) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const again = await uploadAndRead(goodFile, "Accepted");

  // An Excel workbook, for a month nobody else sends, through the file input like any file.
  const workbook = await uploadAndRead(workbookFile, "Accepted");

  // A file for the month that declares it was received before the month's upload in force (the host trusts declared
  // times in this test, as in the demo): checked and kept, not in force. The page sends no metadata itself; the
  // browser adds the header to the page's own PUT.
  await page.route("**/*", (route) => {
    const request = route.request();
    if (request.method() !== "PUT") { return route.continue(); }
    return route.continue({ headers: { ...request.headers(), "x-ms-meta-declaredreceivedutc": "2026-11-01T09:00:00Z" } });
  });
  const superseded = await uploadAndRead(earlierFile, "Accepted, not in force");
  await page.unroute("**/*");

  // Back from another page to this one: the history entry holds no upload link either.
  await page.goto("about:blank");
  await page.goBack();
  await page.locator("#kpis tbody tr").first().waitFor({ state: "visible" });
  const back = { url: page.url(), status: await page.locator("#page-status").innerText() };

  // This page with an upload part that points at another department's container (a working link, for that container):
  // said at once, and refused when a file is chosen, with nothing sent.
  await page.goto("about:blank");
  const putsBefore = puts.length;
  await page.goto(foreignLink);
  await page.locator("#page-status", { hasText: "does not point to your department's own upload folder" }).waitFor({ state: "visible" });
  const foreignStatus = await page.locator("#page-status").innerText();
  await page.setInputFiles("#file", goodFile);
  await page.locator("#progress", { hasText: "Nothing was uploaded" }).waitFor({ state: "visible" });
  const foreign = { status: foreignStatus, progress: await page.locator("#progress").innerText(), puts: puts.slice(putsBefore) };

  // The same page with a link whose upload part no longer works (a wrong signature, as after a withdrawn key): a plain 403 message.
  // The signature in the fragment's encoded upload link, whatever characters it holds, up to the next parameter or the end.
  const broken = pageLink.replace(/#upload=(.*?)(%3F|%26)sig%3D(.*?)(?=%26|$)/i, (_, before, separator) => "#upload=" + before + separator + "sig%3DAAAA");
  if (broken === pageLink) { throw new Error("could not find the upload link's signature in the page link"); }
  await page.goto("about:blank"); // a change of fragment alone would not load the page again
  await page.goto(broken);
  await page.locator("#kpis tbody tr").first().waitFor({ state: "visible" });
  await page.setInputFiles("#file", goodFile);
  await page.locator("#progress", { hasText: "403" }).waitFor({ state: "visible" });
  const refused = await page.locator("#progress").innerText();

  console.log(JSON.stringify({ afterLoad, guide, good, bad, history, fixed, dropped, again, workbook, superseded, back, foreign, refused, cspViolations: await cspViolations(), pageErrors }, null, 2));
} catch (error) {
  console.error("upload page check failed: " + (error && error.stack ? error.stack : error));
  process.exitCode = 1;
} finally {
  await browser.close();
}
