// The department's upload page. It lives in the department's answer container and is opened with that container's
// read-only SAS as its query; the upload link (a SAS on the department's submission container) is in the fragment,
// which the browser never sends to any server. Everything it reads or writes is in those two containers: the upload
// link is used only once it is checked to be this department's own submission container on the page's own account,
// and it leaves the address bar and the history as soon as it is read. The page's Content-Security-Policy (index.html)
// lets it load nothing but its own files and talk to nothing but its own account.
// Nothing is inserted into the page as HTML: every name, message and value goes in as text.
"use strict";

(function () {
  var POLL_MS = 500;
  var SLOW_AFTER_MS = 15000;
  var GIVE_UP_AFTER_MS = 180000;
  var HISTORY_LIMIT = 50;
  // The pipeline's rule for upload names (Core/Submissions/UploadName.cs), checked here so nobody waits for a refusal.
  var SAFE_SEGMENT = /^[\p{L}\p{N}\p{M}_()\[\]\-\u2013\u2014,'&+!@;=~][\p{L}\p{N}\p{M} ._()\[\]\-\u2013\u2014,'&+!@;=~]*$/u;
  var CONTENT_TYPES = {
    csv: "text/csv",
    txt: "text/plain",
    tsv: "text/tab-separated-values",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };

  var answerSas = window.location.search; // "?sv=...&sig=..."
  // The answer container: the page is at <container>/.page/index.html, beside guide.json and templates/.
  var answerRoot = window.location.origin + window.location.pathname.replace(/\.page\/[^/]*$/, "");
  // The storage account the page was served from: its origin, and on the emulator the account's path segment too.
  var accountRoot = answerRoot.replace(/[^/]+\/$/, "");
  var PAGE = ".page/";
  var upload = uploadLink();
  forgetFragment();
  var guide = null;
  var guideRead = null; // the guide's load, which every upload waits for: the guide names the container uploads may go to

  function $(id) { return document.getElementById(id); }

  // Builds an element: attributes as properties or attributes, children as nodes or text (never parsed as HTML).
  function el(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attributes[key]; }
      else if (key === "className") { node.className = attributes[key]; }
      else { node.setAttribute(key, attributes[key]); }
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function encodePath(name) { return name.split("/").map(encodeURIComponent).join("/"); }

  function answerUrl(name, extraQuery) {
    return answerRoot + encodePath(name) + answerSas + (extraQuery ? "&" + extraQuery : "");
  }

  function uploadLink() {
    var match = /(?:^#|&)upload=([^&]*)/.exec(window.location.hash);
    if (!match) { return null; }
    try {
      var url = new URL(decodeURIComponent(match[1]));
      return { container: url.origin + url.pathname.replace(/\/$/, ""), query: url.search };
    } catch (e) {
      return null;
    }
  }

  // The upload link is a write link: once read it is kept in this page's memory only, not in the address bar, the
  // history or a bookmark of the page (opening the page again needs the link that was sent).
  function forgetFragment() {
    if (window.location.hash && window.history && typeof window.history.replaceState === "function") {
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    }
  }

  // Where the upload link points must be this department's submission container (named by the guide, which the
  // pipeline writes into the department's read-only answer container) on the account the page came from: a link
  // edited by hand or by someone else would otherwise send the department's file wherever it pointed.
  function uploadTargetProblem(link) {
    if (!guide || !guide.uploadContainer) {
      return "The page could not read your department's guide, so it cannot check where your file would go. Nothing was uploaded: reload the page from the link you were sent, or ask the reporting team.";
    }
    var expected = accountRoot + guide.uploadContainer;
    if (link.container !== expected) {
      return "This link's upload part does not point to your department's own upload folder (it points to " + link.container +
        ", not " + expected + "). Nothing was uploaded: open the link the reporting team sent you, or ask them for a new one.";
    }
    return null;
  }

  function LinkError(status) { this.status = status; }

  // Every request: a 403 means the link expired or was revoked, which is said once, plainly.
  function request(url, options) {
    return fetch(url, Object.assign({ cache: "no-store" }, options || {})).then(function (response) {
      if (response.status === 403) { throw new LinkError(403); }
      return response;
    }, function () {
      throw new Error("The network failed: check your connection and try again.");
    });
  }

  function explain(error) {
    if (error instanceof LinkError) {
      return "Your link has expired or was withdrawn (storage answered 403 Forbidden). Ask the reporting team for a new link; nothing of yours is lost.";
    }
    return error && error.message ? error.message : String(error);
  }

  function showPageProblem(message) { $("page-status").textContent = message; }

  function loadGuide() {
    return request(answerUrl(PAGE + "guide.json")).then(function (response) {
      if (response.status === 404) { throw new Error("This page has not been set up yet for your department (no guide.json). Ask the reporting team."); }
      if (!response.ok) { throw new Error("The page could not read your department's guide (storage answered " + response.status + ")."); }
      return response.json();
    }).then(function (data) {
      guide = data;
      renderGuide(data);
    });
  }

  function renderGuide(data) {
    document.title = "Upload figures: " + data.departmentName;
    $("organisation").textContent = data.organisation;
    $("answered-heading").textContent = "Answered (" + (data.timeZone || "UTC") + ")";
    $("title").textContent = data.departmentName + ": upload your figures";
    clear($("due"));
    $("due").appendChild(data.deadlinePassed
      ? el("span", {}, "Due now: ", el("strong", { id: "due-period", text: data.periodName }), ". The deadline was ", el("strong", { id: "deadline", text: data.deadlineText }),
          "; figures sent now are marked late, and still taken.")
      : el("span", {}, "Due now: ", el("strong", { id: "due-period", text: data.periodName }), ", by ", el("strong", { id: "deadline", text: data.deadlineText }), "."));

    $("kpis-intro").textContent = data.kpis.length + " KPIs for " + data.periodName + ". \u201cLast month\u201d shows what is stored for " + data.lastPeriodName + ".";
    $("last-heading").textContent = "Last month (" + data.lastPeriodName + ")";
    var body = $("kpis").tBodies[0];
    clear(body);
    data.kpis.forEach(function (kpi) {
      var last = kpi.lastValueText === null || kpi.lastValueText === undefined ? el("span", { className: "none", text: "none stored" }) : kpi.lastValueText;
      body.appendChild(el("tr", {},
        el("th", { scope: "row" }, kpi.name, kpi.isInput ? el("span", { className: "tag", text: " (input)" }) : null),
        el("td", {}, el("code", { text: kpi.id })),
        el("td", { text: kpi.unit }),
        el("td", { text: kpi.target || "none set" }),
        el("td", {}, last)));
    });
    $("kpis-section").hidden = false;

    var list = $("templates");
    clear(list);
    data.templates.forEach(function (template) {
      var fileName = template.name.split("/").pop();
      list.appendChild(el("li", {}, el("a", { href: answerUrl(template.name), download: fileName }, template.format + " template: " + fileName)));
    });
    $("templates-section").hidden = data.templates.length === 0;
  }

  // ---- uploading -------------------------------------------------------------------------------------------------

  function contentType(name) {
    var extension = (/\.([^.]+)$/.exec(name) || [])[1];
    return CONTENT_TYPES[(extension || "").toLowerCase()] || "application/octet-stream";
  }

  function nameProblem(name) {
    if (name.length === 0 || name.length > 256 || !SAFE_SEGMENT.test(name) || name === "." || name === "..") {
      return "The file name \u201c" + name + "\u201d cannot be used: rename the file with letters, digits, spaces, dots, dashes, underscores and brackets only (no # ? % \\ or control characters), for example 2026-10.csv, and upload it again.";
    }
    return null;
  }

  function unquote(etag) { return (etag || "").replace(/^W\//, "").replace(/"/g, ""); }

  function setProgress(text) { $("progress").textContent = text; }

  function uploadFile(file) {
    var answer = $("answer");
    answer.hidden = true;
    clear(answer);
    if (!upload) {
      setProgress("This link has no upload part (the text after # is missing). Open the whole link you were sent.");
      return;
    }
    var problem = nameProblem(file.name);
    if (problem) {
      setProgress(problem);
      return;
    }
    var link = upload;
    guideRead.then(function () {
      var wrongTarget = uploadTargetProblem(link);
      if (wrongTarget) {
        setProgress(wrongTarget);
        return;
      }
      send(file, link);
    });
  }

  function send(file, link) {
    setProgress("Uploading " + file.name + "\u2026");
    var started = Date.now();
    request(link.container + "/" + encodePath(file.name) + link.query, {
      method: "PUT",
      headers: { "x-ms-blob-type": "BlockBlob", "Content-Type": contentType(file.name) },
      body: file,
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("The upload was refused (storage answered " + response.status + " " + response.statusText + "). Try again, or ask the reporting team.");
      }
      var etag = unquote(response.headers.get("ETag"));
      // In Azure the answer takes seconds, or up to about half a minute when the app has been idle and starts (docs/deploy.md).
      setProgress("Uploaded " + file.name + ". Waiting for the answer: usually a few seconds, up to about half a minute after a quiet spell\u2026");
      return waitForAnswer(file.name, etag, started);
    }).then(function (result) {
      setProgress("");
      showAnswer(file.name, result);
      loadHistory();
    }).catch(function (error) {
      setProgress(explain(error));
    });
  }

  // The answer to an older upload of the same name is there before the new one is read: wait for the one whose etag is ours.
  function waitForAnswer(name, etag, started) {
    var slowSaid = false;
    return new Promise(function (resolve, reject) {
      function poll() {
        request(answerUrl(name + ".json")).then(function (response) {
          if (response.ok) { return response.json(); }
          if (response.status === 404) { return null; }
          throw new Error("The answer could not be read (storage answered " + response.status + ").");
        }).then(function (result) {
          if (result && unquote(result.etag) === etag) { resolve(result); return; }
          var waited = Date.now() - started;
          if (waited > GIVE_UP_AFTER_MS) {
            reject(new Error("No answer after " + Math.round(waited / 60000) + " minutes. Your file is kept; its answer will appear under \u201cEarlier uploads\u201d when the pipeline is back. If it does not, tell the reporting team."));
            return;
          }
          if (waited > SLOW_AFTER_MS && !slowSaid) {
            slowSaid = true;
            setProgress("Uploaded " + name + ". The answer is taking longer than usual; still waiting\u2026");
          }
          setTimeout(poll, POLL_MS);
        }).catch(reject);
      }
      poll();
    });
  }

  function statusWord(status) {
    return {
      accepted: "Accepted",
      superseded: "Accepted, not in force",
      unchanged: "Unchanged",
      rejected: "Rejected",
      poisoned: "Failed",
    }[status] || status;
  }

  function plural(count, noun) { return count + " " + noun + (count === 1 ? "" : "s"); }

  function summary(result) {
    switch (result.status) {
      case "accepted": return plural(result.figures, "figure") + " stored for " + result.period + ".";
      case "superseded": return plural(result.figures, "figure") + " for " + result.period + " checked and kept, but a newer upload holds that month" + (result.error ? " (" + result.error + ")" : "") + ".";
      case "unchanged": return "Same content as " + (result.error || "an earlier version") + "; nothing re-submitted.";
      case "rejected": return plural((result.problems || []).length, "problem") + "; nothing was stored. Correct the file and upload it again.";
      default: return "Could not be processed: " + (result.error || "unknown error") + " Nothing was stored; your file is kept.";
    }
  }

  function showAnswer(name, result) {
    var answer = $("answer");
    clear(answer);
    var good = result.status === "accepted" || result.status === "unchanged";
    answer.className = "answer " + (good ? "good" : "bad");
    answer.appendChild(el("h3", { id: "answer-heading" }, el("span", { className: "mark", "aria-hidden": "true", text: good ? "\u2714 " : "\u2716 " }), statusWord(result.status) + ": " + name));
    answer.appendChild(el("p", { id: "answer-summary", text: summary(result) }));
    if (result.problems && result.problems.length > 0) {
      answer.appendChild(problemTable(result.problems));
    }
    answer.appendChild(el("p", {}, "Full answer: ", el("a", { href: answerUrl(name + ".txt") }, name + ".txt"),
      result.problems && result.problems.length > 0 ? el("span", {}, ", problems as a sheet: ", el("a", { href: answerUrl(name + ".problems.csv"), download: name + ".problems.csv" }, name + ".problems.csv")) : null));
    answer.hidden = false;
    answer.focus();
  }

  function problemTable(problems) {
    var hasValue = problems.some(function (p) { return p.value !== undefined && p.value !== null; });
    var head = el("tr", {}, el("th", { scope: "col", text: "Where" }), el("th", { scope: "col", text: "Column" }),
      hasValue ? el("th", { scope: "col", text: "Value" }) : null, el("th", { scope: "col", text: "What is wrong" }));
    var body = el("tbody");
    problems.forEach(function (p) {
      var where = p.cell ? "cell " + p.cell : p.line ? "line " + p.line : "whole file";
      var column = p.columnName ? p.columnName + (p.column ? " (column " + p.column + ")" : "") : p.column ? "column " + p.column : "";
      body.appendChild(el("tr", {}, el("td", { text: where }), el("td", { text: column }),
        hasValue ? el("td", {}, el("code", { text: p.value === null || p.value === undefined ? "" : String(p.value) })) : null,
        el("td", { text: p.message })));
    });
    return el("div", { className: "table-wrap" }, el("table", { id: "problems" },
      el("caption", { text: plural(problems.length, "problem") + " in the file" }), el("thead", {}, head), body));
  }

  // ---- earlier uploads ---------------------------------------------------------------------------------------------

  function listAnswers(marker, found) {
    var query = "restype=container&comp=list&maxresults=5000" + (marker ? "&marker=" + encodeURIComponent(marker) : "");
    return request(answerRoot.replace(/\/$/, "") + answerSas + "&" + query).then(function (response) {
      if (!response.ok) { throw new Error("Your earlier uploads could not be listed (storage answered " + response.status + ")."); }
      return response.text();
    }).then(function (xml) {
      var doc = new DOMParser().parseFromString(xml, "application/xml");
      Array.prototype.forEach.call(doc.getElementsByTagName("Blob"), function (blob) {
        var name = text(blob, "Name");
        if (/\.json$/.test(name) && name.indexOf("/") < 0) { // answers to uploads; the page's own files are under .page/
          found.push({ name: name, modified: new Date(text(blob, "Last-Modified")) });
        }
      });
      var next = text(doc.documentElement, "NextMarker");
      return next ? listAnswers(next, found) : found;
    });
  }

  function text(node, tag) {
    var found = node.getElementsByTagName(tag)[0];
    return found ? found.textContent : "";
  }

  function loadHistory() {
    var status = $("history-status");
    return listAnswers(null, []).then(function (answers) {
      answers.sort(function (a, b) { return b.modified - a.modified; });
      answers = answers.slice(0, HISTORY_LIMIT);
      return Promise.all(answers.map(function (entry) {
        return request(answerUrl(entry.name)).then(function (response) {
          return response.ok ? response.json() : null;
        }).then(function (result) { entry.result = result; return entry; }, function () { return entry; });
      }));
    }).then(function (answers) {
      var body = $("history").tBodies[0];
      clear(body);
      answers.forEach(function (entry) {
        var upload = entry.name.replace(/\.json$/, "");
        var result = entry.result || {};
        var problems = (result.problems || []).length;
        body.appendChild(el("tr", {},
          el("th", { scope: "row", text: result.blob || upload }),
          el("td", { text: formatTime(entry.modified) }),
          el("td", { className: "status-" + (result.status || "unknown") }, statusWord(result.status || "unreadable")),
          el("td", { text: result.status ? (result.status === "rejected" ? plural(problems, "problem") + (problems > 0 ? ": " + firstProblem(result.problems[0]) : "") : summary(result)) : "" }),
          el("td", {}, el("a", { href: answerUrl(upload + ".txt") }, "Answer", el("span", { className: "visually-hidden", text: " for " + upload })))));
      });
      $("history").hidden = answers.length === 0;
      status.textContent = answers.length === 0 ? "No uploads yet." : "";
    }).catch(function (error) {
      status.textContent = explain(error);
    });
  }

  function firstProblem(p) {
    return (p.cell ? "cell " + p.cell + ", " : p.line ? "line " + p.line + ", " : "") + p.message;
  }

  // Times on the organisation's calendar (the guide's timeZone), like the deadline; in UTC until the guide is read.
  function formatTime(date) {
    if (isNaN(date)) { return ""; }
    if (guide && guide.timeZone) {
      try {
        var parts = new Intl.DateTimeFormat("en-CA", { timeZone: guide.timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(date);
        var part = function (type) { return parts.filter(function (p) { return p.type === type; })[0].value; };
        return part("year") + "-" + part("month") + "-" + part("day") + " " + part("hour") + ":" + part("minute");
      } catch (e) { /* an unknown zone: fall back to UTC below */ }
    }
    return date.toISOString().slice(0, 16).replace("T", " ") + " UTC";
  }

  // ---- wiring ------------------------------------------------------------------------------------------------------

  function wire() {
    var input = $("file");
    input.addEventListener("change", function () {
      if (input.files.length > 0) { uploadFile(input.files[0]); }
      input.value = "";
    });
    var zone = $("drop-zone");
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add("dragging"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("dragging"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      var files = event.dataTransfer && event.dataTransfer.files;
      if (files && files.length > 0) { uploadFile(files[0]); }
    });
    $("upload-form").addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("hashchange", function () {
      if (window.location.hash) { upload = uploadLink(); forgetFragment(); }
    });
  }

  function start() {
    wire();
    if (!upload) {
      showPageProblem("This link has no upload part (the text after # is missing): you can see your answers, but not upload. Open the whole link you were sent.");
    }
    // The history waits for the guide, whose time zone its times are shown in; a link that points elsewhere is said at once.
    guideRead = loadGuide().then(function () {
      var wrongTarget = upload ? uploadTargetProblem(upload) : null;
      if (wrongTarget) { showPageProblem(wrongTarget); }
    }, function (error) { showPageProblem(explain(error)); });
    guideRead.then(loadHistory);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
