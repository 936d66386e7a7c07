// The Diagnose web UI: plain DOM, no framework. Every value from the service is put on the page as text
// (textContent), never as markup; reports arrive as the service's own escaped HTML and are shown in a
// sandboxed frame where no script runs.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const keyInput = $('api-key');
  keyInput.value = sessionStorage.getItem('diagnose-api-key') || '';
  const headers = () => (keyInput.value ? { 'X-Api-Key': keyInput.value } : {});
  const status = (text) => { $('status').textContent = text; };

  keyInput.addEventListener('change', () => {
    sessionStorage.setItem('diagnose-api-key', keyInput.value);
    refresh();
  });

  const drop = $('drop');
  for (const type of ['dragenter', 'dragover']) {
    drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add('over'); });
  }
  for (const type of ['dragleave', 'drop']) {
    drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.remove('over'); });
  }
  drop.addEventListener('drop', (e) => upload(e.dataTransfer.files));
  $('files').addEventListener('change', (e) => upload(e.target.files));

  function problem(text) {
    try {
      const body = JSON.parse(text);
      return body.detail || body.title || '';
    } catch {
      return '';
    }
  }

  // XMLHttpRequest, not fetch: only it reports upload progress.
  function upload(files) {
    if (!files || files.length === 0) {
      return;
    }
    const form = new FormData();
    for (const file of files) {
      form.append('file', file, file.name);
    }
    const bar = $('progress');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/analyses');
    for (const [name, value] of Object.entries(headers())) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        bar.value = Math.round((100 * e.loaded) / e.total);
        status(`Uploading ${files.length} file(s): ${bar.value}%`);
      }
    };
    xhr.upload.onload = () => {
      bar.removeAttribute('value');
      status('Uploaded; analysing…');
    };
    xhr.onload = () => {
      bar.value = 100;
      if (xhr.status === 201) {
        const analysis = JSON.parse(xhr.responseText);
        const found = analysis.diagnoses.map((d) => d.kb).join(', ') || 'no known root cause';
        status(`Analysis ${analysis.id}: ${found}.`);
        refresh();
        show(analysis.id);
      } else {
        status(`The upload failed (${xhr.status}): ${problem(xhr.responseText)}`);
      }
    };
    xhr.onerror = () => status('The upload failed: the service could not be reached.');
    status(`Uploading ${files.length} file(s)…`);
    xhr.send(form);
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  async function refresh() {
    const query = new URLSearchParams();
    for (const name of ['kb', 'node', 'since']) {
      const value = $(`filter-${name}`).value.trim();
      if (value) {
        query.set(name, name === 'since' ? `${value}T00:00:00Z` : value);
      }
    }
    const response = await fetch(`/api/analyses?${query}`, { headers: headers() });
    const text = await response.text();
    const rows = $('analyses');
    rows.replaceChildren();
    if (!response.ok) {
      $('list-status').textContent = `The list could not be read (${response.status}): ${problem(text)}`;
      return;
    }
    const page = JSON.parse(text);
    $('list-status').textContent = `${page.total} analysis(es)`;
    for (const analysis of page.items) {
      const row = document.createElement('tr');
      row.dataset.id = analysis.id;
      cell(row, analysis.createdAt);
      cell(row, analysis.status);
      cell(row, analysis.kbs.join(', '));
      cell(row, analysis.nodes.join(', '));
      cell(row, String(analysis.records));
      const td = document.createElement('td');
      const open = document.createElement('button');
      open.type = 'button';
      open.textContent = 'report';
      open.addEventListener('click', () => show(analysis.id));
      td.appendChild(open);
      row.appendChild(td);
      rows.appendChild(row);
    }
  }

  async function show(id) {
    const response = await fetch(`/api/analyses/${encodeURIComponent(id)}`, { headers: { ...headers(), Accept: 'text/html' } });
    const text = await response.text();
    const frame = $('report');
    if (!response.ok || !(response.headers.get('content-type') || '').startsWith('text/html')) {
      status(`The report could not be shown (${response.status}): ${problem(text)}`);
      return;
    }
    frame.dataset.id = id;
    frame.srcdoc = text;
  }

  for (const name of ['kb', 'node', 'since']) {
    $(`filter-${name}`).addEventListener('change', refresh);
  }
  refresh();
})();
