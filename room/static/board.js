// The projector board: follows the meeting through server-sent events and draws each view as plain text.
"use strict";
(function () {
  var stream = null;
  var last = null;

  function $(id) { return document.getElementById(id); }
  function text(id, value) { $(id).textContent = value || ""; }
  function show(id, visible) { $(id).hidden = !visible; }

  function draw(view) {
    last = view;
    document.documentElement.lang = view.lang;
    text("council", view.council);
    text("session", view.session + (view.date ? " · " + view.date : ""));
    var quorum = $("quorum");
    quorum.textContent = view.quorum.text;
    quorum.className = "light " + (view.quorum.ok ? "ok" : "missing");
    text("progress", view.progress);
    text("status", view.status);
    var item = view.item;
    text("position", item ? item.position : view.words.waiting);
    text("code", item ? item.code : "");
    text("title", item ? item.title : "");
    text("authors", item ? item.authors : "");
    text("unit", item ? item.unit : "");
    drawPoll(view.poll);
  }

  function drawPoll(poll) {
    show("poll", !!poll);
    if (!poll) { return; }
    $("poll").dataset.mode = poll.mode;
    $("poll").dataset.state = poll.open ? "open" : "closed";
    text("poll-heading", poll.heading);
    var tally = $("tally");
    tally.replaceChildren();
    (poll.tally || []).forEach(function (entry) {
      var box = document.createElement("div");
      box.className = "count " + entry.choice;
      var number = document.createElement("div");
      number.className = "number";
      number.textContent = String(entry.count);
      var label = document.createElement("div");
      label.className = "label";
      label.textContent = entry.label;
      box.append(number, label);
      tally.append(box);
    });
    show("tally", !!poll.tally);
    text("voted", poll.voted);
    text("needed", poll.needed);
    text("rule", poll.rule);
    var result = poll.result;
    show("result", !!result);
    if (result) {
      var verdict = $("verdict");
      verdict.textContent = result.label;
      verdict.className = result.passed ? "passed" : "failed";
      var list = $("arithmetic");
      list.replaceChildren();
      result.lines.forEach(function (line) {
        var li = document.createElement("li");
        li.textContent = line;
        list.append(li);
      });
    }
  }

  function connect() {
    stream = new EventSource(document.body.dataset.events);
    stream.addEventListener("board", function (event) {
      show("connection", false);
      draw(JSON.parse(event.data));
    });
    stream.onerror = function () {
      say("reconnecting");
      if (stream.readyState === EventSource.CLOSED) { probe(); }
    };
  }

  function say(key) {
    $("connection").textContent = last ? last.words[key] : "…";
    show("connection", true);
  }

  // The browser gave up on the stream: an EventSource cannot tell why, so the board's page is asked. A 404
  // means the room now serves another session (its link differs); the board keeps asking, slowly, for when
  // the room serves this session again. No answer: the room is closed, or the Wi-Fi dropped.
  function probe() {
    fetch(document.body.dataset.events.replace(/\/events$/, ""), { cache: "no-store", credentials: "omit" })
      .then(function (response) {
        if (response.status === 404) {
          say("elsewhere");
          window.setTimeout(probe, 5000);
          return;
        }
        window.setTimeout(connect, 1000);
      })
      .catch(function () {
        say("reconnecting");
        window.setTimeout(probe, 2000);
      });
  }

  connect();
})();
