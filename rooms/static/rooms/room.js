// Live updates for a room page. The page works without this script; with it, messages arrive
// over /ws/rooms/<id>/ and the form posts through the socket. User text only ever goes through
// textContent, never innerHTML.
(function () {
  "use strict";
  var root = document.getElementById("room");
  if (!root || !("WebSocket" in window)) return;

  var strings = JSON.parse(document.getElementById("room-strings").textContent);
  var roomId = root.dataset.roomId;
  var userId = Number(root.dataset.userId);
  var moderator = root.dataset.moderator === "true";
  var lastId = Number(root.dataset.lastId) || 0;
  var list = document.getElementById("room-messages");
  var status = document.getElementById("room-status");
  var typingLine = document.getElementById("room-typing");
  var online = document.getElementById("room-online");
  var form = document.getElementById("room-form");
  var lockedNote = document.getElementById("room-locked");
  var baseTitle = document.title;
  var socket = null;
  var attempts = 0;
  var everOpened = false;
  var refCounter = 0;
  var unread = 0;
  var lastTyping = 0;
  var typingTimer = null;
  var pingTimer = null;
  var FINAL_CLOSE_CODES = [4401, 4403, 4404];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  function actionButton(label, frame) {
    var button = el("button", "link-button", label);
    button.type = "button";
    button.addEventListener("click", function () { send(frame); });
    return button;
  }

  function renderMessage(message) {
    var item = el("li", "room-message");
    item.id = "message-" + message.id;
    item.dataset.id = message.id;
    item.dataset.author = message.author.id;
    var meta = el("p", "room-meta");
    meta.appendChild(el("strong", "", message.author.name));
    meta.appendChild(document.createTextNode(" "));
    var time = el("time", "", new Date(message.created_at).toLocaleString());
    time.dateTime = message.created_at;
    meta.appendChild(time);
    if (message.edited_at) meta.appendChild(el("span", "room-edited", " " + strings.edited));
    item.appendChild(meta);
    if (message.state === "visible") {
      item.appendChild(el("p", "room-body", message.body));
    } else {
      item.appendChild(el("p", "room-removed", strings[message.state]));
    }
    var actions = el("div", "room-actions");
    if (message.state === "visible") {
      if (message.author.id === userId) {
        actions.appendChild(actionButton(strings.delete, { type: "delete", id: message.id }));
      } else {
        actions.appendChild(actionButton(strings.report, { type: "report", id: message.id }));
      }
      if (moderator) actions.appendChild(actionButton(strings.hide, { type: "hide", id: message.id }));
    }
    item.appendChild(actions);
    return item;
  }

  function markUnread(node) {
    if (!document.hidden && window.innerHeight + window.scrollY >= document.body.scrollHeight - 200) {
      return;
    }
    if (unread === 0) {
      var old = document.getElementById("room-unread");
      if (old) old.remove();
      var marker = el("li", "room-unread", strings.unread);
      marker.id = "room-unread";
      list.insertBefore(marker, node);
    }
    unread += 1;
    document.title = "(" + unread + ") " + baseTitle;
  }

  function upsert(message, isNew) {
    var existing = document.getElementById("message-" + message.id);
    var node = renderMessage(message);
    if (existing) {
      existing.replaceWith(node);
    } else {
      var empty = list.querySelector(".room-empty");
      if (empty) empty.remove();
      list.appendChild(node);
      if (isNew && message.author.id !== userId) markUnread(node);
    }
    if (message.id > lastId) lastId = message.id;
  }

  function showOnline(people) {
    online.replaceChildren();
    var others = people.filter(function (p) { return p.id !== userId; });
    if (!others.length) online.appendChild(el("li", "meta", strings.nobody));
    others.forEach(function (person) { online.appendChild(el("li", "", person.name)); });
  }

  function setLocked(locked) {
    lockedNote.hidden = !locked;
    if (form && !moderator) {
      Array.prototype.forEach.call(form.elements, function (field) { field.disabled = locked; });
    }
  }

  function showError(text) {
    status.textContent = text;
  }

  var handlers = {
    joined: function (frame) {
      frame.messages.forEach(function (m) { upsert(m, false); });
      showOnline(frame.online);
      setLocked(frame.room.locked);
    },
    since: function (frame) {
      frame.messages.forEach(function (m) { upsert(m, true); });
      if (frame.has_more) send({ type: "since", id: lastId });
    },
    message: function (frame) { upsert(frame.message, true); },
    update: function (frame) {
      if (document.getElementById("message-" + frame.message.id)) upsert(frame.message, false);
    },
    typing: function (frame) {
      typingLine.textContent = strings.typing.replace("%(name)s", frame.user.name);
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { typingLine.textContent = ""; }, 4000);
    },
    locked: function (frame) { setLocked(frame.locked); },
    pong: function (frame) { showOnline(frame.online); },
    report: function (frame) {
      var reports = document.getElementById("room-reports");
      if (!reports) return;
      var empty = reports.querySelector(".room-empty");
      if (empty) empty.remove();
      var item = el("li", "", "#" + frame.report.message.id + " " + frame.report.message.body);
      item.appendChild(actionButton(strings.hide, { type: "hide", id: frame.report.message.id }));
      reports.appendChild(item);
    },
    ack: function (frame) {
      if (frame.report) showError(strings.reported);
      if (frame.ref && String(frame.ref).indexOf("post-") === 0 && form) {
        form.querySelector("textarea").value = "";
        status.textContent = strings.live;
      }
    },
    error: function (frame) { showError(frame.message); },
    muted: function (frame) {
      if (frame.user.id === userId && frame.until) showError(new Date(frame.until).toLocaleString());
    }
  };

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + "/ws/rooms/" + roomId + "/");
    socket.addEventListener("open", function () {
      everOpened = true;
      attempts = 0;
      status.textContent = strings.live;
      // After the first page render or a reconnect, the database fills the gap.
      if (lastId > 0) {
        send({ type: "since", id: lastId });
        send({ type: "ping" });
      } else {
        send({ type: "join" });
      }
      clearInterval(pingTimer);
      pingTimer = setInterval(function () { send({ type: "ping" }); }, 60000);
    });
    socket.addEventListener("message", function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      var handler = handlers[frame.type];
      if (handler) handler(frame);
    });
    socket.addEventListener("close", function (event) {
      clearInterval(pingTimer);
      if (FINAL_CLOSE_CODES.indexOf(event.code) !== -1) {
        showError(strings.refused);
        if (form) form.hidden = true;
        return;
      }
      attempts += 1;
      if (!everOpened && attempts > 5) {
        showError(strings.offline);
        return;
      }
      status.textContent = strings.reconnecting;
      var delay = Math.min(30000, 1000 * Math.pow(2, attempts - 1)) + Math.random() * 500;
      setTimeout(connect, delay);
    });
  }

  if (form) {
    var textarea = form.querySelector("textarea");
    form.addEventListener("submit", function (event) {
      if (!textarea.value.trim()) return;
      refCounter += 1;
      if (send({ type: "message", body: textarea.value, ref: "post-" + refCounter })) {
        event.preventDefault();
      }
    });
    textarea.addEventListener("input", function () {
      var now = Date.now();
      if (now - lastTyping > 2000) {
        lastTyping = now;
        send({ type: "typing" });
      }
    });
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      unread = 0;
      document.title = baseTitle;
    }
  });
  window.addEventListener("scroll", function () {
    if (unread && window.innerHeight + window.scrollY >= document.body.scrollHeight - 50) {
      unread = 0;
      document.title = baseTitle;
    }
  });

  connect();
})();
