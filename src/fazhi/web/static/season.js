// The season report page: a passage selected in the report text becomes the anchor of an
// own finding. Offsets are counted in code points, as Python counts them on the server.
"use strict";

function offsetIn(body, node, offset) {
  const range = document.createRange();
  range.setStart(body, 0);
  range.setEnd(node, offset);
  return Array.from(range.toString()).length;
}

function setUpSelection() {
  const body = document.getElementById("text-body");
  const start = document.getElementById("sel-start");
  if (!body || !start) return;
  const end = document.getElementById("sel-end");
  const shown = document.getElementById("sel-text");
  document.addEventListener("selectionchange", () => {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return;
    const a = offsetIn(body, range.startContainer, range.startOffset);
    const b = offsetIn(body, range.endContainer, range.endOffset);
    start.value = String(Math.min(a, b));
    end.value = String(Math.max(a, b));
    shown.textContent = "“" + range.toString().slice(0, 60) + (range.toString().length > 60 ? "…" : "") + "”";
  });
}

document.addEventListener("DOMContentLoaded", setUpSelection);
