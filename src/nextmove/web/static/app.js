// nextmove: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Ask before deleting (forms marked data-confirm).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm) {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    // Copy buttons (data-copy="ID of a field"): shown only where the clipboard API is there.
    if (navigator.clipboard && window.isSecureContext !== false) {
      document.querySelectorAll("button[data-copy]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
          var source = document.getElementById(button.dataset.copy);
          var status = button.parentElement && button.parentElement.querySelector(".copy-status");
          if (!source) { return; }
          navigator.clipboard.writeText(source.value || source.textContent || "").then(
            function () { if (status) { status.textContent = "Copied."; } },
            function () { if (status) { status.textContent = "Could not copy: select the text and copy it."; } }
          );
        });
      });
    }

    // Move focus to an error summary so keyboard and screen-reader users hear it first.
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.setAttribute("tabindex", "-1");
      summary.focus();
    }

    // After logging an entry, bring it into view and say so.
    var added = document.querySelector("tr.just-added");
    if (added) {
      added.scrollIntoView({ block: "center" });
    }

    // Keyboard shortcut: "n" focuses the journal's activity field (outside other fields).
    var activity = document.getElementById("f-activity");
    if (activity) {
      document.addEventListener("keydown", function (event) {
        var tag = (event.target && event.target.tagName) || "";
        if (event.key === "n" && !event.ctrlKey && !event.metaKey && !event.altKey &&
            !/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(tag)) {
          event.preventDefault();
          activity.focus();
        }
      });
    }

    // Vision form: warn before leaving with unsaved changes.
    var visionForm = document.querySelector("form.vision-form");
    if (visionForm) {
      var dirty = false;
      visionForm.addEventListener("input", function () { dirty = true; });
      visionForm.addEventListener("submit", function () { dirty = false; });
      window.addEventListener("beforeunload", function (event) {
        if (dirty) {
          event.preventDefault();
          event.returnValue = "";
        }
      });
    }
  });
})();

// Import: the job page follows the import by asking for its status (without JavaScript the
// page refreshes itself), then reloads to show the report.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    // The import form: the file picker offers the files of the chosen kind.
    var file = document.querySelector(".import-form input[type=file]");
    var kinds = document.querySelectorAll(".import-form input[name=kind][data-accept]");
    if (file && kinds.length) {
      var any = file.getAttribute("accept");
      var follow = function () {
        var chosen = document.querySelector(".import-form input[name=kind]:checked");
        file.setAttribute("accept", chosen ? chosen.getAttribute("data-accept") : any);
      };
      Array.prototype.forEach.call(kinds, function (kind) {
        kind.addEventListener("change", follow);
      });
      follow();
    }

    var box = document.querySelector(".import-progress[data-status-url]");
    if (!box || !window.fetch) {
      return;
    }
    var url = box.getAttribute("data-status-url");
    var bar = box.querySelector("progress");
    var phase = box.querySelector(".phase");
    var count = box.querySelector(".progress-count");

    function show(status) {
      var text = status.phase + "…";
      if (phase.textContent !== text) {
        phase.textContent = text;
      }
      if (status.total) {
        bar.max = status.total;
        bar.value = status.done;
        count.textContent = status.done + " of " + status.total + " rows";
      } else {
        bar.removeAttribute("value");
        count.textContent = status.done ? status.done + " rows" : "";
      }
    }

    function poll() {
      fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("status " + response.status);
          }
          return response.json();
        })
        .then(function (status) {
          if (status.finished) {
            window.location.reload();
            return;
          }
          show(status);
          window.setTimeout(poll, 500);
        })
        .catch(function () {
          window.setTimeout(function () { window.location.reload(); }, 2000);
        });
    }

    window.setTimeout(poll, 500);
  });

  // Opportunities board: drag a card onto another column to move it there. The card's own
  // move form is what gets sent, so the server sees the same request as the buttons make.
  document.addEventListener("DOMContentLoaded", function () {
    var board = document.querySelector("[data-board]");
    if (!board) { return; }
    var dragged = null;
    board.querySelectorAll(".opp-card").forEach(function (card) {
      card.setAttribute("draggable", "true");
      card.addEventListener("dragstart", function (event) {
        dragged = card;
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", card.dataset.opp || "");
      });
      card.addEventListener("dragend", function () { dragged = null; });
    });
    board.querySelectorAll(".opp-column").forEach(function (column) {
      column.addEventListener("dragover", function (event) {
        if (!dragged) { return; }
        event.preventDefault();
        column.classList.add("drop-target");
      });
      column.addEventListener("dragleave", function () { column.classList.remove("drop-target"); });
      column.addEventListener("drop", function (event) {
        column.classList.remove("drop-target");
        if (!dragged) { return; }
        event.preventDefault();
        var form = dragged.querySelector("form.move-form");
        var select = form && form.querySelector("select");
        if (!form || !select || column.contains(dragged)) { return; }
        select.value = column.dataset.status;
        form.submit();
      });
    });
  });
})();
