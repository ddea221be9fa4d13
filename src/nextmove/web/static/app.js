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

    // Settings: offer this device's time zone when the field holds another one.
    document.querySelectorAll("button[data-device-zone]").forEach(function (button) {
      var field = document.getElementById(button.dataset.deviceZone);
      var zone = "";
      try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
      var known = field && field.list && Array.prototype.some.call(field.list.options, function (o) { return o.value === zone; });
      if (!field || !zone || !known || field.value === zone) { return; }
      button.textContent = "Use this device's time zone: " + zone;
      button.parentElement.hidden = false;
      button.addEventListener("click", function () {
        field.value = zone;
        button.parentElement.hidden = true;
        field.focus();
      });
    });

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

  // The network map: zoom (buttons, + and − keys, pinch) and pan (drag; the arrow keys and
  // touch scroll natively). Without this script the drawing scrolls at its natural size.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".network-map").forEach(function (figure) {
      var view = figure.querySelector(".map-view");
      var svg = view && view.querySelector("svg");
      if (!svg) { return; }
      var width = svg.viewBox.baseVal.width, height = svg.viewBox.baseVal.height;
      var scale = 1, min = Math.min(1, view.clientWidth / width), max = 3;
      function zoom(to, cx, cy) {
        to = Math.max(min, Math.min(max, to));
        cx = cx === undefined ? view.clientWidth / 2 : cx;
        cy = cy === undefined ? view.clientHeight / 2 : cy;
        var px = (view.scrollLeft + cx) / scale, py = (view.scrollTop + cy) / scale;
        scale = to;
        svg.setAttribute("width", Math.round(width * scale));
        svg.setAttribute("height", Math.round(height * scale));
        view.scrollLeft = px * scale - cx;
        view.scrollTop = py * scale - cy;
      }
      var tools = figure.querySelector(".map-tools");
      if (tools) {
        tools.hidden = false;
        tools.addEventListener("click", function (event) {
          var how = event.target.closest && event.target.closest("[data-map-zoom]");
          if (!how) { return; }
          var kind = how.dataset.mapZoom;
          zoom(kind === "in" ? scale * 1.25 : kind === "out" ? scale / 1.25 : min);
        });
      }
      view.addEventListener("keydown", function (event) {
        if (event.key === "+" || event.key === "=") { zoom(scale * 1.25); event.preventDefault(); }
        else if (event.key === "-" || event.key === "_") { zoom(scale / 1.25); event.preventDefault(); }
        else if (event.key === "0") { zoom(min); event.preventDefault(); }
      });
      // Drag with a mouse or pen to pan; two fingers pinch to zoom.
      var pointers = {}, start = null;
      view.addEventListener("pointerdown", function (event) {
        pointers[event.pointerId] = [event.clientX, event.clientY];
        if (event.pointerType === "mouse" && event.button === 0) {
          start = [event.clientX, event.clientY, view.scrollLeft, view.scrollTop];
          view.classList.add("dragging");
        }
      });
      view.addEventListener("pointermove", function (event) {
        if (!(event.pointerId in pointers)) { return; }
        var ids = Object.keys(pointers);
        if (ids.length === 2) {
          var a = pointers[ids[0]], b = pointers[ids[1]];
          var before = Math.hypot(a[0] - b[0], a[1] - b[1]);
          pointers[event.pointerId] = [event.clientX, event.clientY];
          a = pointers[ids[0]]; b = pointers[ids[1]];
          var after = Math.hypot(a[0] - b[0], a[1] - b[1]);
          var box = view.getBoundingClientRect();
          if (before > 0) { zoom(scale * after / before, (a[0] + b[0]) / 2 - box.left, (a[1] + b[1]) / 2 - box.top); }
          event.preventDefault();
        } else if (start) {
          view.scrollLeft = start[2] - (event.clientX - start[0]);
          view.scrollTop = start[3] - (event.clientY - start[1]);
        }
      });
      function end(event) {
        delete pointers[event.pointerId];
        start = null;
        view.classList.remove("dragging");
      }
      view.addEventListener("pointerup", end);
      view.addEventListener("pointercancel", end);
      // Start with you and the best suggestion in view (the best alone if both do not fit).
      var meX = parseFloat(view.dataset.meX || "0"), firstX = parseFloat(view.dataset.firstX || "0");
      var lo = Math.min(meX, firstX) - 60, hi = Math.max(meX, firstX) + 60;
      if (width > view.clientWidth) {
        view.scrollLeft = hi - lo <= view.clientWidth ? (lo + hi - view.clientWidth) / 2 : firstX - view.clientWidth / 2;
      }
    });
  });

  // Person pickers: every field that names a person (data-person-picker) suggests people as
  // you type, from the server's search; picking one fills in "Name #id". Without this
  // script the field takes a name or #id as typed.
  document.addEventListener("DOMContentLoaded", function () {
    var list = document.getElementById("people-picker");
    if (!list || !window.fetch) { return; }
    var timer = null, last = "";
    function fill(people) {
      list.textContent = "";
      people.forEach(function (p) {
        var option = document.createElement("option");
        option.value = p.value;
        option.label = [p.title, p.organization].filter(Boolean).join(" · ") || p.name;
        list.appendChild(option);
      });
    }
    document.addEventListener("input", function (event) {
      var field = event.target;
      if (!(field instanceof HTMLInputElement) || !field.hasAttribute("data-person-picker")) { return; }
      var text = field.value.trim();
      if (text.length < 2 || text === last || /#\d+$/.test(text)) { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        last = text;
        fetch(list.dataset.source + "?limit=8&q=" + encodeURIComponent(text), {
          headers: { Accept: "application/json" }, credentials: "same-origin"
        })
          .then(function (answer) { return answer.ok ? answer.json() : { people: [] }; })
          .then(function (body) { if (field.value.trim() === text) { fill(body.people || []); } })
          .catch(function () {});
      }, 150);
    });
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
