// A member's page: follows the meeting through server-sent events; the ballot appears when a poll opens.
// A ballot is sent as JSON with the page's anti-forgery value; a lost answer is sent again (it counts once).
"use strict";
(function () {
  var base = document.body.dataset.base;
  var csrf = document.body.dataset.csrf;
  var view = null;
  var words = {};
  var drawn = "";      // which ballot is on the screen (poll and state), so an update does not wipe a sheet
  var busy = false;    // a ballot is being sent or confirmed: updates wait
  var stream = null;
  var gone = false;    // this link no longer works: the page stops trying
  var hadBallot = null; // the item's details fold away while a ballot is shown (the member may open them)

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function fill(template, key, value) { return template.replace("{" + key + "}", value); }
  function ballotBox() { return $("ballot"); }

  function draw(next) {
    view = next;
    words = next.words || {};
    document.documentElement.lang = next.lang;
    $("council").textContent = next.council;
    $("session").textContent = next.session + (next.date ? " · " + next.date : "");
    $("me").textContent = next.member.name + (next.member.role ? " · " + next.member.role : "");
    var item = next.item;
    $("item").hidden = !item;
    if (item) {
      $("position").textContent = item.position;
      $("code").textContent = item.code;
      $("title").textContent = item.title;
      var details = $("details");
      details.replaceChildren();
      item.details.forEach(function (pair) {
        details.append(el("dt", "", pair[0]), el("dd", "", pair[1]));
      });
      $("more-label").textContent = words.details;
      var hasBallot = !!next.ballot;
      if (hasBallot !== hadBallot) { $("more").open = !hasBallot; hadBallot = hasBallot; }
    }
    $("note").textContent = next.note || "";
    drawResult(next.result);
    if (!busy) { drawBallot(next.ballot); }
  }

  function drawResult(result) {
    $("result").hidden = !result;
    if (!result) { return; }
    $("result-heading").textContent = result.heading;
    var verdict = $("verdict");
    verdict.textContent = result.label;
    verdict.className = result.passed ? "passed" : "failed";
    var list = $("arithmetic");
    list.replaceChildren();
    result.lines.forEach(function (line) { list.append(el("li", "", line)); });
  }

  function drawBallot(ballot, force) {
    var key = ballot ? ballot.poll_id + ":" + ballot.state : "";
    if (key === drawn && !force) { return; }
    drawn = key;
    var box = ballotBox();
    box.replaceChildren();
    box.hidden = !ballot;
    if (!ballot) { return; }
    box.dataset.mode = ballot.mode;
    box.dataset.state = ballot.state;
    box.append(el("h2", "", ballot.heading));
    if (ballot.state === "in") {
      if (ballot.mode === "open") {
        box.append(el("div", "message info", ballot.reason), el("div", "chosen", ballot.mine));
      } else {
        receipt(box, ballot.reason);
      }
      return;
    }
    if (ballot.state !== "vote") {
      box.append(el("div", "refused", ballot.reason));
      return;
    }
    if (ballot.mode === "scoring") { sheet(box, ballot); } else { choices(box, ballot); }
  }

  function receipt(box, text) {
    var card = el("div", "receipt");
    card.id = "receipt";
    card.append(el("div", "big", text), el("div", "small", words.receipt_note));
    box.append(card);
  }

  function choices(box, ballot) {
    var list = el("div", "choices");
    ballot.choices.forEach(function (choice) {
      var button = el("button", choice.value, choice.label);
      button.type = "button";
      button.dataset.choice = choice.value;
      button.addEventListener("click", function () {
        var payload = { poll_id: ballot.poll_id, choice: choice.value };
        if (ballot.mode === "secret") {
          confirmStep(box, ballot, fill(words.you_chose, "choice", choice.label), "vote", payload);
        } else {
          send(box, ballot, "vote", payload);
        }
      });
      list.append(button);
    });
    box.append(list);
  }

  function confirmStep(box, ballot, summary, kind, payload) {
    busy = true;
    box.replaceChildren(el("h2", "", ballot.heading));
    var shown = el("div", "chosen", summary);
    shown.id = "chosen";
    box.append(shown, el("p", "hint", words.confirm_secret));
    var row = el("div", "row");
    var back = el("button", "", words.back);
    back.type = "button";
    back.id = "back";
    var ok = el("button", "primary", words.confirm);
    ok.type = "button";
    ok.id = "confirm";
    back.addEventListener("click", function () {
      busy = false;
      payload = null;
      drawBallot(view.ballot, true);
    });
    ok.addEventListener("click", function () {
      var sending = payload;
      payload = null; // the choice leaves the page with the request
      send(box, ballot, kind, sending);
    });
    row.append(back, ok);
    box.append(row);
  }

  function send(box, ballot, kind, payload) {
    busy = true;
    box.replaceChildren(el("h2", "", ballot.heading));
    var status = el("div", "message info", words.sending);
    status.id = "status";
    box.append(status);
    var body = JSON.stringify(payload);
    payload = null;
    var tries = 0;
    function attempt() {
      tries += 1;
      var abort = new AbortController();
      var timer = window.setTimeout(function () { abort.abort(); }, 8000);
      fetch(base + "/" + kind, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Council-CSRF": csrf },
        body: body,
        cache: "no-store",
        credentials: "omit",
        signal: abort.signal
      }).then(function (response) {
        window.clearTimeout(timer);
        // These two come without a body: sending again would not help, and the member must know why.
        if (response.status === 404) { body = null; busy = false; replaced(); return; }
        if (response.status === 429) { failed(words.wait_send); return; }
        return response.json().then(function (answer) { done(response.ok, answer.message); });
      }).catch(function () {
        window.clearTimeout(timer);
        if (tries < 4) {
          status.textContent = words.retrying;
          window.setTimeout(attempt, 700 * tries);
        } else {
          failed();
        }
      });
    }
    function done(ok, message) {
      body = null;
      busy = false;
      box.replaceChildren(el("h2", "", ballot.heading));
      if (ok && ballot.mode !== "open") {
        receipt(box, words.received); // the same words whatever the answer's timing: only that it is in
        drawn = ballot.poll_id + ":in";
        return;
      }
      if (ok) {
        drawn = "";
        drawBallot(view.ballot);
        box.append(el("div", "message info", message));
        return;
      }
      drawn = "";
      drawBallot(view.ballot);
      ballotBox().append(el("div", "message error", message));
    }
    function failed(why) {
      status.className = "message error";
      status.textContent = why || words.failed;
      var again = el("button", "primary", words.send);
      again.type = "button";
      again.addEventListener("click", function () { again.remove(); tries = 0; attempt(); });
      box.append(again);
    }
    attempt();
  }

  function sheet(box, ballot) {
    var inputs = {};
    var form = el("div", "sheet");
    var total = el("div", "total");
    total.id = "total";
    ballot.criteria.forEach(function (criterion) {
      var card = el("div", "criterion");
      var name = el("div", "name");
      var score = el("span", "", "–/" + criterion.max);
      name.append(el("span", "", criterion.name), score);
      var input = el("input");
      input.type = "number";
      input.inputMode = "numeric";
      input.min = "0";
      input.max = String(criterion.max);
      input.step = "1";
      input.id = "score-" + criterion.id;
      input.setAttribute("aria-label", criterion.name);
      var bands = el("div", "bands");
      var marks = criterion.bands.map(function (band) {
        var line = el("div", "band", band.low + "–" + band.high + ": " + band.text);
        bands.append(line);
        return { band: band, line: line };
      });
      input.addEventListener("input", function () {
        var value = parse(input.value);
        var fits = value !== null && value >= 0 && value <= criterion.max;
        input.classList.toggle("bad", input.value !== "" && !fits);
        score.textContent = (fits ? value : "–") + "/" + criterion.max;
        marks.forEach(function (m) {
          m.line.classList.toggle("here", fits && value >= m.band.low && value <= m.band.high);
        });
        update();
      });
      inputs[criterion.id] = { input: input, max: criterion.max };
      card.append(name, input, bands);
      form.append(card);
    });
    var label = el("label", "", words.comment);
    label.htmlFor = "comment";
    var comment = el("textarea");
    comment.id = "comment";
    comment.maxLength = 2000;
    var problem = el("div", "message error");
    problem.hidden = true;
    var submit = el("button", "primary", words.send);
    submit.type = "button";
    submit.id = "submit";
    submit.addEventListener("click", function () {
      var scores = collect();
      if (!scores) {
        problem.textContent = words.missing;
        problem.hidden = false;
        return;
      }
      var sum = Object.keys(scores).reduce(function (a, k) { return a + scores[k]; }, 0);
      var summary = words.total + ": " + sum + "/" + ballot.total_max;
      confirmStep(box, ballot, summary, "sheet", { poll_id: ballot.poll_id, scores: scores, comment: comment.value });
    });
    box.append(form, total, el("p", "hint", ballot.eligible_note), label, comment, problem, submit);
    update();

    function parse(text) { return /^\d{1,4}$/.test(text.trim()) ? parseInt(text, 10) : null; }
    function collect() {
      var scores = {};
      var whole = true;
      Object.keys(inputs).forEach(function (id) {
        var value = parse(inputs[id].input.value);
        if (value === null || value > inputs[id].max) { whole = false; } else { scores[id] = value; }
      });
      return whole ? scores : null;
    }
    function update() {
      var sum = 0;
      Object.keys(inputs).forEach(function (id) {
        var value = parse(inputs[id].input.value);
        if (value !== null && value <= inputs[id].max) { sum += value; }
      });
      total.textContent = words.total + ": " + sum + "/" + ballot.total_max + " " + (words.points || "");
    }
  }

  function say(text) {
    $("connection").textContent = text || "…";
    $("connection").hidden = false;
  }

  // The link no longer works (the chair gave this member a new one, or the room serves another session):
  // nothing more can be sent from this page, so its ballot goes and the page says why, once, and stops.
  function replaced() {
    gone = true;
    if (stream) { stream.close(); }
    busy = false;
    drawn = "";
    ballotBox().replaceChildren();
    ballotBox().hidden = true;
    say(words.replaced);
  }

  // The stream ended or was refused: an EventSource cannot tell why, so the page itself is asked.
  function probe(waiting) {
    if (gone) { return; }
    fetch(base, { cache: "no-store", credentials: "omit" }).then(function (response) {
      if (response.status === 404) { replaced(); return; }
      if (response.status === 429) {
        say(words.wait_page);
        window.setTimeout(function () { probe(waiting); }, 60000);
        return;
      }
      window.setTimeout(connect, 1000); // the page answers: the stream again (not at once, should it fail again)
    }).catch(function () {
      say(waiting); // the laptop cannot be reached (the room is closed, or the Wi-Fi dropped)
      window.setTimeout(function () { probe(waiting); }, 5000);
    });
  }

  function connect() {
    if (gone) { return; }
    stream = new EventSource(base + "/events");
    stream.addEventListener("member", function (event) {
      $("connection").hidden = true;
      draw(JSON.parse(event.data));
    });
    stream.addEventListener("closed", function () {
      stream.close();
      say(words.closed);
      probe(words.closed); // the room closed (no answer), or this link was replaced (404)
    });
    stream.onerror = function () {
      say(words.reconnecting);
      // CONNECTING: the browser tries again by itself; CLOSED: it was refused, and will not.
      if (stream.readyState === EventSource.CLOSED) { probe(words.reconnecting); }
    };
  }

  connect();
})();
