// "Essayer sans Excel": sends the chosen report to the backend, paints what it answers, downloads the workbook.
// The backend decides everything; this script only posts the file and shows the answer. Text is always set with
// textContent: names and emails from the report are never parsed as HTML.
(function () {
  "use strict";

  var ANALYZE_URL = "/api/reports/analyze-file";
  var WORKBOOK_URL = "/api/reports/emargement.xlsx";
  var STATUS = { Present: "Présent", Partial: "Partiel", Absent: "Absent" };
  var ROLE = { Trainer: "Formateur", Trainee: "Stagiaire" };

  var input, dropZone, status, results, problem, downloadButton, currentFile = null;

  function byId(id) { return document.getElementById(id); }

  function setStatus(text) { status.textContent = text; }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // "2020-11-10T13:39:50" (wall-clock time of the report) → "10/11/2020 13:39", without any time-zone shift.
  function dateTime(iso) {
    if (!iso) return "—";
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
    return m ? m[3] + "/" + m[2] + "/" + m[1] + " " + m[4] + ":" + m[5] : iso;
  }

  function date(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? m[3] + "/" + m[2] + "/" + m[1] : "—";
  }

  function time(iso) {
    var m = /T(\d{2}):(\d{2})/.exec(iso || "");
    return m ? m[1] + ":" + m[2] : "";
  }

  function duration(minutes) {
    var total = Math.round(minutes || 0);
    return Math.floor(total / 60) + " h " + pad(total % 60);
  }

  function percent(rate) { return Math.round((rate || 0) * 100) + " %"; }

  function text(id, value) { byId(id).textContent = value == null || value === "" ? "non indiqué" : value; }

  function cell(row, value) {
    var td = document.createElement("td");
    td.textContent = value == null ? "" : String(value);
    row.appendChild(td);
    return td;
  }

  function showProblem(title, detail, errors) {
    byId("problem-title").textContent = title;
    byId("problem-detail").textContent = detail || "";
    var list = byId("problem-errors");
    list.replaceChildren();
    (errors || []).forEach(function (e) {
      var li = document.createElement("li");
      li.textContent = e.message;
      list.appendChild(li);
    });
    problem.hidden = false;
  }

  function sessionsText(report) {
    var sessions = report.sessions || [];
    if (sessions.length === 0) return "aucun créneau";
    return sessions.map(function (s) {
      return date(s.start) + ", " + time(s.start) + " à " + time(s.end) + " (" + duration(minutesBetween(s.start, s.end)) + ")";
    }).join(" ; ");
  }

  function minutesBetween(a, b) {
    return (Date.parse(b + "Z") - Date.parse(a + "Z")) / 60000;
  }

  function paint(analysis) {
    var report = analysis.report;
    text("training-title", report.title);
    text("training-reference", report.pafReference
      ? report.pafReference + (report.moduleNumber ? " — module " + report.moduleNumber : "") : "");
    text("training-sessions", sessionsText(report));
    text("training-host", report.host);
    var t = analysis.totals;
    text("training-totals", t.present + " présent(s), " + t.partial + " partiel(s), " + t.absent + " absent(s) — "
      + duration(t.traineeMinutesInSlot) + " de présence des stagiaires sur les créneaux");
    text("training-fingerprint", analysis.fingerprint);

    var body = byId("participants").tBodies[0];
    body.replaceChildren();
    analysis.participants.forEach(function (p, i) {
      var row = document.createElement("tr");
      cell(row, i + 1);
      cell(row, p.lastName || p.name);
      cell(row, p.firstName);
      cell(row, ROLE[p.role] || p.role);
      cell(row, dateTime(p.firstJoin));
      cell(row, dateTime(p.lastLeave));
      cell(row, p.connections);
      cell(row, duration(p.minutesInSlot));
      cell(row, percent(p.rate));
      cell(row, STATUS[p.status] || p.status).className = "status-" + String(p.status).toLowerCase();
      body.appendChild(row);
    });

    var warnings = byId("warnings");
    warnings.replaceChildren();
    if (analysis.issues.length === 0) {
      var none = document.createElement("li");
      none.textContent = "Aucun : le rapport a passé tous les contrôles.";
      warnings.appendChild(none);
    }
    analysis.issues.forEach(function (issue) {
      var li = document.createElement("li");
      li.textContent = issue.message;
      warnings.appendChild(li);
    });
    results.hidden = false;
  }

  async function readProblem(response) {
    try {
      var body = await response.json();
      return { title: body.title || "Erreur", detail: body.detail, errors: body.errors };
    } catch (e) {
      return { title: "Le service n'a pas pu traiter le fichier (erreur " + response.status + ").", detail: "" };
    }
  }

  function formData() {
    var data = new FormData();
    data.append("file", currentFile, currentFile.name);
    return data;
  }

  async function analyse(file) {
    currentFile = file;
    byId("file-name").textContent = file.name;
    results.hidden = true;
    problem.hidden = true;
    setStatus("Analyse du rapport « " + file.name + " »…");
    try {
      var response = await fetch(ANALYZE_URL, { method: "POST", body: formData() });
      if (!response.ok) {
        var p = await readProblem(response);
        setStatus("Le rapport n'a pas pu être utilisé.");
        showProblem(p.title, p.detail, p.errors);
        return;
      }
      var analysis = await response.json();
      paint(analysis);
      setStatus("Rapport analysé : " + analysis.participants.length + " participants. Vous pouvez télécharger le classeur.");
    } catch (e) {
      setStatus("Le service est injoignable. Vérifiez votre connexion et réessayez.");
    }
  }

  function fileNameOf(response) {
    var header = response.headers.get("Content-Disposition") || "";
    var star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (star) return decodeURIComponent(star[1]);
    var plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : "emargement.xlsx";
  }

  async function download() {
    if (!currentFile) return;
    downloadButton.disabled = true;
    setStatus("Préparation du classeur…");
    try {
      var response = await fetch(WORKBOOK_URL, { method: "POST", body: formData() });
      if (!response.ok) {
        var p = await readProblem(response);
        setStatus("Le classeur n'a pas pu être produit.");
        showProblem(p.title, p.detail, p.errors);
        return;
      }
      var blob = await response.blob();
      var url = URL.createObjectURL(blob);
      var link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response);
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      setStatus("Classeur téléchargé : « " + link.download + " », avec sa feuille « Émargement ».");
    } catch (e) {
      setStatus("Le service est injoignable. Vérifiez votre connexion et réessayez.");
    } finally {
      downloadButton.disabled = false;
    }
  }

  function pick(files) {
    if (!files || files.length === 0) return;
    analyse(files[0]);
  }

  document.addEventListener("DOMContentLoaded", function () {
    input = byId("report-file");
    dropZone = byId("drop-zone");
    status = byId("status");
    results = byId("results");
    problem = byId("problem");
    downloadButton = byId("download");

    // One tab stop: the drop zone stands for the (visually hidden) file input.
    input.tabIndex = -1;
    input.addEventListener("change", function () { pick(input.files); });
    downloadButton.addEventListener("click", download);
    byId("upload-form").addEventListener("submit", function (e) { e.preventDefault(); });

    // The label opens the file dialog on click; Enter and Space do it from the keyboard too.
    dropZone.tabIndex = 0;
    dropZone.setAttribute("role", "button");
    dropZone.setAttribute("aria-describedby", "file-help");
    dropZone.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); }
    });
    ["dragenter", "dragover"].forEach(function (type) {
      dropZone.addEventListener(type, function (e) { e.preventDefault(); dropZone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      dropZone.addEventListener(type, function () { dropZone.classList.remove("over"); });
    });
    dropZone.addEventListener("drop", function (e) {
      e.preventDefault();
      pick(e.dataTransfer && e.dataTransfer.files);
    });
  });
})();
