// The phone page: send notes to the room's screen. Text from the server or the phone is only ever
// set as textContent, never as markup. Notes not yet sent wait in localStorage with their client id
// and are sent again (the server takes a client id once).
"use strict";
(function () {
  var ru = /^ru\b/i.test(navigator.language || "");
  var words = ru ? {
    note: "Ваша заметка", lane: "Дорожка", stage: "Этап", anyStage: "Выберет ведущий",
    name: "Ваше имя (необязательно)", send: "Отправить", sent: "Отправлено",
    waiting: "ждёт связи, отправится сама", delivered: "на экране у ведущего",
    noCode: "Откройте ссылку с экрана: в ней код комнаты.", offline: "Нет связи с комнатой: заметка отправится позже.",
    empty: "Напишите заметку.", tooLarge: "Заметка слишком длинная."
  } : {
    note: "Your note", lane: "Lane", stage: "Stage", anyStage: "The facilitator's choice",
    name: "Your name (optional)", send: "Send", sent: "Sent",
    waiting: "waiting for the network, will be sent", delivered: "on the facilitator's screen",
    noCode: "Open the link from the screen: it holds the room's code.", offline: "No connection to the room: the note will be sent later.",
    empty: "Write a note first.", tooLarge: "The note is too long."
  };
  document.documentElement.lang = ru ? "ru" : "en";
  Array.prototype.forEach.call(document.querySelectorAll("[data-t]"), function (element) {
    element.textContent = words[element.getAttribute("data-t")];
  });

  var code = new URLSearchParams(location.search).get("c") || "";
  var $ = function (id) { return document.getElementById(id); };
  var storeKey = "journeyboard.outbox." + code;
  var outbox = [];
  try { outbox = JSON.parse(localStorage.getItem(storeKey) || "[]"); } catch (e) { outbox = []; }
  var sending = false;

  function save() { try { localStorage.setItem(storeKey, JSON.stringify(outbox)); } catch (e) { /* private mode */ } }
  function status(text, isError) { $("status").textContent = text; $("status").className = isError ? "error" : ""; }
  function newClientId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function render() {
    var list = $("sent");
    list.textContent = "";
    outbox.slice().reverse().forEach(function (note) {
      var item = document.createElement("li");
      item.className = note.done ? "done" : "waiting";
      item.textContent = note.text;
      var state = document.createElement("span");
      state.className = "state";
      state.textContent = note.done ? words.delivered : words.waiting;
      item.appendChild(state);
      list.appendChild(item);
    });
    $("sentTitle").hidden = outbox.length === 0;
  }
  function api(path, options) { return fetch(path + "?c=" + encodeURIComponent(code), options); }

  function fill(select, choices, extra) {
    var chosen = select.value;
    select.textContent = "";
    if (extra) { var none = document.createElement("option"); none.value = ""; none.textContent = extra; select.appendChild(none); }
    choices.forEach(function (choice) {
      var option = document.createElement("option");
      option.value = choice.id;
      option.textContent = choice.name;
      select.appendChild(option);
    });
    if (chosen) select.value = chosen;
  }
  function loadState() {
    return api("/api/state").then(function (response) {
      if (!response.ok) throw response;
      return response.json();
    }).then(function (state) {
      if (state.title) { $("title").textContent = state.title; document.title = state.title; }
      $("prompt").textContent = state.prompt;
      $("prompt").hidden = !state.prompt;
      fill($("lane"), state.lanes);
      fill($("stage"), state.stages, words.anyStage);
      $("stageRow").hidden = !state.stageChoice;
      if (!state.stageChoice) $("stage").value = "";
    }).catch(function (failure) {
      if (failure && failure.status === 403) status(words.noCode, true);
    });
  }

  // Sends the waiting notes one at a time, oldest first; stops at the first that cannot go now.
  function flush() {
    if (sending) return;
    var next = outbox.filter(function (note) { return !note.done && !note.refused; })[0];
    if (!next) return;
    sending = true;
    api("/api/note", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: next.text, lane: next.lane, stage: next.stage || undefined,
                             name: next.name || undefined, clientId: next.clientId })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        sending = false;
        if (response.ok) { next.done = true; status(""); save(); render(); flush(); return; }
        if (response.status === 429 || response.status >= 500) { setTimeout(flush, 2000); return; }
        next.refused = true;  // the server said why: sending it again would not help
        outbox.splice(outbox.indexOf(next), 1);
        save(); render();
        // The server's sentences are English: the page says the common refusals in its own language.
        var known = { 403: words.noCode, 413: words.tooLarge }[response.status];
        status(known || answer.error || String(response.status), true);
      });
    }).catch(function () {
      sending = false;
      status(words.offline, true);
      setTimeout(flush, 5000);
    });
  }

  $("text").addEventListener("input", function () { $("count").textContent = Array.from($("text").value).length; });
  $("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = $("text").value.trim();
    if (!text) { status(words.empty, true); return; }
    outbox.push({ text: text, lane: $("lane").value, stage: $("stage").value, name: $("name").value.trim(),
                  clientId: newClientId(), done: false });
    var done = outbox.filter(function (note) { return note.done; });
    if (done.length > 50) outbox.splice(outbox.indexOf(done[0]), 1);  // the list of sent notes stays short
    save(); render();
    $("text").value = "";
    $("count").textContent = "0";
    try { localStorage.setItem("journeyboard.name", $("name").value.trim()); } catch (e) { /* private mode */ }
    flush();
  });
  window.addEventListener("online", flush);

  if (!code) status(words.noCode, true);
  try { $("name").value = localStorage.getItem("journeyboard.name") || ""; } catch (e) { /* private mode */ }
  render();
  loadState().then(flush);
  setInterval(function () { loadState(); flush(); }, 10000);
})();
