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
    empty: "Напишите заметку.", tooLarge: "Заметка слишком длинная.",
    voteTitle: "Голосование", voteName: "Ваше имя (голосование с именами)", left: "Осталось точек: ",
    add: "Поставить точку", takeBack: "Забрать точку",
    notOpen: "Голосование закончилось.", notCandidate: "Эта заметка не участвует в голосовании.",
    noDotsLeft: "Точки кончились: сначала заберите одну.", alreadyOnNote: "В этом голосовании — одна точка на заметку.",
    noDotThere: "На этой заметке нет вашей точки.", nameNeeded: "Голосование с именами: впишите имя.",
    full: "В голосовании нет мест.", tooFast: "Слишком быстро: подождите секунду."
  } : {
    note: "Your note", lane: "Lane", stage: "Stage", anyStage: "The facilitator's choice",
    name: "Your name (optional)", send: "Send", sent: "Sent",
    waiting: "waiting for the network, will be sent", delivered: "on the facilitator's screen",
    noCode: "Open the link from the screen: it holds the room's code.", offline: "No connection to the room: the note will be sent later.",
    empty: "Write a note first.", tooLarge: "The note is too long.",
    voteTitle: "Vote", voteName: "Your name (this round is named)", left: "Dots left: ",
    add: "Add a dot", takeBack: "Take a dot back",
    notOpen: "The round has ended.", notCandidate: "That note is not in this round.",
    noDotsLeft: "No dots left: take one back first.", alreadyOnNote: "One dot per note in this round.",
    noDotThere: "You have no dot on that note.", nameNeeded: "This round is named: type your name.",
    full: "The round is full.", tooFast: "Too fast: wait a second."
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

  // Voting rounds: this phone's voter id (kept, so a reload keeps its dots); while a round is open
  // the page shows its notes instead of the note form. Only this phone's own dots are ever shown.
  var voter = "";
  try { voter = localStorage.getItem("journeyboard.voter") || ""; } catch (e) { /* private mode */ }
  if (!/^[0-9a-f]{24}$/.test(voter)) {
    voter = newClientId();
    try { localStorage.setItem("journeyboard.voter", voter); } catch (e) { /* private mode */ }
  }
  var round = { open: false };
  function voteStatus(text, isError) { $("voteStatus").textContent = text; $("voteStatus").className = isError ? "error" : ""; }
  function showRound(state) {
    var opened = state.open && !round.open;
    round = state;
    $("vote").hidden = !state.open;
    $("form").hidden = state.open;
    $("sent").hidden = state.open;
    if (state.open) $("sentTitle").hidden = true; else render();
    if (!state.open) return;
    if (opened) voteStatus("");
    $("voteNameRow").hidden = !state.named;
    $("left").textContent = words.left + state.left + " / " + state.dots;
    var list = $("candidates");
    list.textContent = "";
    state.candidates.forEach(function (candidate) {
      var mine = state.mine.filter(function (id) { return id === candidate.id; }).length;
      var item = document.createElement("li");
      var text = document.createElement("span");
      text.className = "text";
      text.textContent = candidate.text;
      var dots = document.createElement("span");
      dots.className = "dots";
      dots.textContent = "●".repeat(mine);
      var less = document.createElement("button");
      less.textContent = "−";
      less.title = words.takeBack;
      less.disabled = mine === 0;
      less.addEventListener("click", function () { vote(candidate.id, true); });
      var more = document.createElement("button");
      more.textContent = "+";
      more.title = words.add;
      more.disabled = state.left === 0 || (!state.severalPerNote && mine > 0);
      more.addEventListener("click", function () { vote(candidate.id, false); });
      item.appendChild(text); item.appendChild(dots); item.appendChild(less); item.appendChild(more);
      list.appendChild(item);
    });
  }
  function loadRound() {
    return fetch("/api/round?c=" + encodeURIComponent(code) + "&v=" + voter).then(function (response) {
      if (!response.ok) throw response;
      return response.json();
    }).then(showRound).catch(function () { /* the next poll tries again */ });
  }
  function vote(note, takeBack) {
    var name = $("voteName").value.trim();
    api("/api/vote", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ voter: voter, note: note, take: takeBack, name: name || undefined })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (response.ok) { voteStatus(""); showRound(answer); return; }
        voteStatus(response.status === 429 ? words.tooFast : (words[answer.reason] || answer.error || String(response.status)), true);
        if (answer.reason === "notOpen") loadRound();
      });
    }).catch(function () { voteStatus(words.offline, true); });
  }
  $("voteName").addEventListener("change", function () {
    try { localStorage.setItem("journeyboard.name", $("voteName").value.trim()); } catch (e) { /* private mode */ }
  });

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
  try { $("name").value = $("voteName").value = localStorage.getItem("journeyboard.name") || ""; } catch (e) { /* private mode */ }
  render();
  loadState().then(flush);
  loadRound();
  setInterval(function () { loadState(); flush(); }, 10000);
  setInterval(loadRound, 3000);  // a round opened or ended shows within 3 s
})();
