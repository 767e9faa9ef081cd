// fazhi workspace: the little JavaScript the pages need, written for this project.
// Pages work without it (plain forms and links); it adds drag and drop with
// per-file progress on the upload page, and evidence highlighting on a report.
"use strict";

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : "";
}

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text;  // never innerHTML: file names and messages are user data
  row.appendChild(td);
  return td;
}

function uploadOne(file, tbody) {
  const row = document.createElement("tr");
  cell(row, file.name);
  const progress = document.createElement("progress");
  progress.max = 100;
  progress.value = 0;
  cell(row, "").appendChild(progress);
  const result = cell(row, "上传中");
  const note = cell(row, "");
  tbody.appendChild(row);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const data = new FormData();
    data.append("files", file, file.name);
    xhr.open("POST", "/api/uploads");
    xhr.setRequestHeader("X-CSRF-Token", csrfToken());
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = (100 * e.loaded) / e.total; };
    xhr.upload.onload = () => { progress.removeAttribute("value"); result.textContent = "识别中"; };
    xhr.onload = () => {
      progress.value = 100;
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (err) { body = null; }
      if (xhr.status === 200 && body && body.rows && body.rows.length) {
        const r = body.rows[0];
        row.className = r.status;
        result.textContent = r.status_name;
        if (r.error) {
          note.textContent = r.error.message;
        } else if (r.report_id) {
          const link = document.createElement("a");
          link.href = "/reports/" + r.report_id;
          link.textContent = "#" + r.report_id + " " + (r.jurisdiction || "") + " " + (r.report_year || "");
          note.appendChild(link);
        }
      } else {
        row.className = "failed";
        result.textContent = "失败";
        note.textContent = body && body.error ? body.error.message : "上传失败(" + xhr.status + ")";
      }
      resolve();
    };
    xhr.onerror = () => { row.className = "failed"; result.textContent = "失败"; note.textContent = "网络错误,请重试"; resolve(); };
    xhr.send(data);
  });
}

async function uploadAll(files) {
  const table = document.getElementById("outcomes");
  table.hidden = false;
  const tbody = table.querySelector("tbody");
  for (const file of files) {
    await uploadOne(file, tbody);  // one at a time: the server analyses each in turn anyway
  }
  document.getElementById("upload-form").dataset.done = "1";
}

function setUpUpload() {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const input = document.getElementById("files");
  const drop = document.getElementById("drop");
  const chosen = document.getElementById("chosen");
  input.addEventListener("change", () => { chosen.textContent = "已选择 " + input.files.length + " 个文件"; });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (input.files.length) uploadAll(Array.from(input.files));
  });
  ["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add("over"); }));
  ["dragleave", "drop"].forEach((t) => drop.addEventListener(t, () => drop.classList.remove("over")));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    if (e.dataTransfer.files.length) uploadAll(Array.from(e.dataTransfer.files));
  });
}

function highlight(selector) {
  document.querySelectorAll(".text .hl").forEach((el) => el.classList.remove("hl"));
  const marks = document.querySelectorAll(selector);
  marks.forEach((el) => el.classList.add("hl"));
  if (marks.length) marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
  return marks.length;
}

function setUpReport() {
  document.querySelectorAll(".finding-btn").forEach((btn) => {
    btn.addEventListener("click", () => {
      document.querySelectorAll(".finding.active").forEach((li) => li.classList.remove("active"));
      btn.closest(".finding").classList.add("active");
      highlight('.text [data-ev~="' + btn.dataset.finding + '"]');
    });
  });
  document.querySelectorAll(".evidence-link").forEach((link) => {
    link.addEventListener("click", (e) => {
      e.preventDefault();
      const target = Number(link.dataset.offset);
      let pos = 0;
      for (const span of document.querySelectorAll(".text .body > span")) {
        const end = pos + span.textContent.length;
        if (target >= pos && target < end) { highlight("#__none"); span.classList.add("hl"); span.scrollIntoView({ block: "center" }); break; }
        pos = end;
      }
    });
  });
}

document.addEventListener("DOMContentLoaded", () => { setUpUpload(); setUpReport(); });
