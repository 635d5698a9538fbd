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
  var editMs = (Number(root.dataset.editMinutes) || 0) * 60000;
  var lastId = Number(root.dataset.lastId) || 0;
  var list = document.getElementById("room-messages");
  var status = document.getElementById("room-status");
  var typingLine = document.getElementById("room-typing");
  var online = document.getElementById("room-online");
  var form = document.getElementById("room-form");
  var formLater = document.getElementById("room-form-later");
  var lockedNote = document.getElementById("room-locked");
  var postingNote = document.getElementById("room-posting");
  var baseTitle = document.title;
  var socket = null;
  var attempts = 0;
  var everOpened = false;
  var refCounter = 0;
  var unread = 0;
  var lastTyping = 0;
  var typingTimer = null;
  var pingTimer = null;
  var typingUserId = null;
  var muted = {}; // moderators: the people muted now (author id → true), for Mute / Unmute
  (root.dataset.muted || "").split(",").forEach(function (id) { if (id) muted[id] = true; });
  var pendingFocus = null; // id of a message whose Edit button gets the focus once re-rendered
  // Refusals (docs/rooms.md): the connection is not retried, and the person is told why.
  var FINAL_CLOSE_CODES = { 4401: "signed_out", 4403: "refused", 4404: "not_found" };
  // Every time on the page, live or drawn by the server, in the person's time zone and language
  // (given by the page from their profile), never the browser's: one format for all messages.
  var timeFormat = new Intl.DateTimeFormat(root.dataset.locale || undefined, {
    timeZone: root.dataset.timeZone || undefined, dateStyle: "short", timeStyle: "short"
  });

  function showTime(node, iso) {
    node.dateTime = iso;
    node.textContent = timeFormat.format(new Date(iso));
  }

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

  // A message's button is named by its text and the message's author and time ("Report
  // Alicia Rojas 12/1/26, 10:05 AM"), so a screen reader's list of buttons tells them apart.
  function actionButton(label, frame, messageId, key) {
    var button = el("button", "link-button", label);
    button.type = "button";
    if (messageId) {
      button.id = "message-" + messageId + "-" + key;
      button.setAttribute("aria-labelledby", button.id + " message-" + messageId + "-meta");
    }
    button.addEventListener("click", function () { send(frame); });
    return button;
  }

  function announce(text) {
    // #room-status is a polite live region (role="status"): screen readers read the change.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function editable(createdAt) {
    return editMs > 0 && Date.now() - new Date(createdAt).getTime() < editMs;
  }

  // Edit in place: the body paragraph is swapped for a labelled textarea; Save sends an "edit"
  // frame, Cancel or Escape puts the text back; the focus returns to the message's Edit button.
  function openEditor(item) {
    if (item.querySelector(".room-editor")) return;
    var id = Number(item.dataset.id);
    var body = item.querySelector(".room-body");
    var editor = el("form", "room-editor");
    var fieldId = "room-edit-" + id;
    var label = el("label", "", strings.edit_label);
    label.htmlFor = fieldId;
    var field = el("textarea");
    field.id = fieldId;
    field.rows = 3;
    field.maxLength = 4000;
    field.required = true;
    field.value = body.textContent;
    var save = el("button", "", strings.save);
    save.type = "submit";
    var cancel = el("button", "secondary", strings.cancel);
    cancel.type = "button";
    editor.appendChild(label);
    editor.appendChild(field);
    var buttons = el("div", "room-editor-buttons");
    buttons.appendChild(save);
    buttons.appendChild(cancel);
    editor.appendChild(buttons);
    body.hidden = true;
    body.after(editor);
    item.querySelector(".room-actions").hidden = true;

    function close() {
      editor.remove();
      body.hidden = false;
      item.querySelector(".room-actions").hidden = false;
      var again = item.querySelector(".room-edit");
      if (again) again.focus();
    }
    cancel.addEventListener("click", close);
    editor.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    editor.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!field.value.trim()) {
        announce(strings.empty);
        field.focus();
        return;
      }
      if (field.value.trim() === body.textContent.trim()) {
        close();
        return;
      }
      if (!send({ type: "edit", id: id, body: field.value, ref: "edit-" + id })) {
        announce(strings.reconnecting);
      }
    });
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }

  function ownButtons(item, createdAt) {
    var actions = item.querySelector(".room-actions");
    if (!actions || actions.querySelector(".room-edit") || !editable(createdAt)) return;
    var id = Number(item.dataset.id);
    var edit = el("button", "link-button room-edit", strings.edit);
    edit.type = "button";
    edit.setAttribute("aria-label", strings.edit_label);
    edit.addEventListener("click", function () {
      if (!editable(createdAt)) {
        announce(strings.too_late);
        return;
      }
      openEditor(item);
    });
    actions.insertBefore(edit, actions.firstChild);
    // The page's no-script delete form posts and reloads; live, delete goes through the socket.
    var oldDelete = actions.querySelector("form[action$='/delete/']");
    if (oldDelete) oldDelete.remove();
    if (!actions.querySelector(".room-delete")) {
      var del = el("button", "link-button room-delete", strings.delete);
      del.type = "button";
      del.setAttribute("aria-label", strings.delete_label);
      del.addEventListener("click", function () {
        if (window.confirm(strings.delete_confirm)) send({ type: "delete", id: id, ref: "delete-" + id });
      });
      edit.after(del);
    }
  }

  function renderMessage(message) {
    var item = el("li", "room-message");
    item.id = "message-" + message.id;
    item.dataset.id = message.id;
    item.dataset.author = message.author.id;
    var meta = el("p", "room-meta");
    meta.id = "message-" + message.id + "-meta";
    meta.appendChild(el("strong", "", message.author.name));
    meta.appendChild(document.createTextNode(" "));
    var time = el("time");
    showTime(time, message.created_at);
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
        item.appendChild(actions);
        ownButtons(item, message.created_at);
      } else {
        actions.appendChild(actionButton(strings.report, { type: "report", id: message.id },
          message.id, "report"));
      }
      if (moderator) {
        actions.appendChild(actionButton(strings.hide, { type: "hide", id: message.id },
          message.id, "hide"));
      }
    }
    if (moderator && message.author.id !== userId) actions.appendChild(muteButton(message));
    item.appendChild(actions);
    return item;
  }

  // Moderators: "Mute the author for an hour", or "Let the author post again" while muted.
  function muteButton(message) {
    var author = message.author.id;
    var button = actionButton(
      muted[author] ? strings.unmute : strings.mute,
      { type: "mute", user: author, minutes: muted[author] ? 0 : 60 },
      message.id, "mute"
    );
    button.classList.add("room-mute");
    return button;
  }

  function refreshMuteButtons(authorId) {
    Array.prototype.forEach.call(
      list.querySelectorAll(".room-message[data-author='" + authorId + "'] .room-mute"),
      function (old) {
        var item = old.closest(".room-message");
        var hadFocus = old.contains(document.activeElement);
        var button = muteButton({ id: Number(item.dataset.id), author: { id: authorId } });
        old.replaceWith(button);
        if (hadFocus) button.focus();
      }
    );
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
      var hadFocus = existing.contains(document.activeElement);
      existing.replaceWith(node);
      if (pendingFocus === message.id || hadFocus) {
        pendingFocus = null;
        var target = node.querySelector(".room-edit");
        if (!target) {
          node.tabIndex = -1; // a deleted message: keep the reader's place on it
          target = node;
        }
        target.focus();
      }
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
  }

  // Whether this person may post now is decided on the server (rooms.permissions.posting) and
  // sent with the page, in "joined", "since" and "pong" frames and as a "posting" frame when it
  // changes; this only shows its answer: the form, or the reason why not.
  function showPosting(posting) {
    if (!posting) return;
    if (posting.allowed && !form && formLater) {
      form = formLater.content.firstElementChild.cloneNode(true);
      form.id = "room-form";
      formLater.replaceWith(form);
      bindForm();
    }
    if (form) form.hidden = !posting.allowed;
    postingNote.textContent = posting.allowed ? "" : posting.message;
    // A lock is already said by the room's own notice.
    postingNote.hidden = posting.allowed || posting.code === "locked";
  }

  function clearTyping() {
    clearTimeout(typingTimer);
    typingUserId = null;
    typingLine.textContent = "";
  }

  function showError(text) {
    status.textContent = text;
  }

  var handlers = {
    joined: function (frame) {
      frame.messages.forEach(function (m) { upsert(m, false); });
      showOnline(frame.online);
      setLocked(frame.room.locked);
      showPosting(frame.posting);
    },
    since: function (frame) {
      frame.messages.forEach(function (m) { upsert(m, true); });
      showPosting(frame.posting);
      if (frame.has_more) send({ type: "since", id: lastId });
    },
    posting: function (frame) { showPosting(frame.posting); },
    message: function (frame) {
      upsert(frame.message, true);
      // The message "X is typing…" was about has arrived.
      if (frame.message.author.id === typingUserId) clearTyping();
    },
    update: function (frame) {
      if (document.getElementById("message-" + frame.message.id)) upsert(frame.message, false);
    },
    typing: function (frame) {
      typingUserId = frame.user.id;
      typingLine.textContent = strings.typing.replace("%(name)s", frame.user.name);
      clearTimeout(typingTimer);
      typingTimer = setTimeout(clearTyping, 4000);
    },
    muted: function (frame) {
      if (frame.until) muted[frame.user.id] = true;
      else delete muted[frame.user.id];
      if (moderator) refreshMuteButtons(frame.user.id);
    },
    presence: function (frame) { showOnline(frame.online); },
    locked: function (frame) { setLocked(frame.locked); },
    pong: function (frame) {
      showOnline(frame.online);
      showPosting(frame.posting);
    },
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
      var ref = String(frame.ref || "");
      var isEdit = ref.indexOf("edit-") === 0;
      if (isEdit || ref.indexOf("delete-") === 0) {
        announce(isEdit ? strings.edited_done : strings.deleted_done);
        var item = document.getElementById("message-" + frame.id);
        // The update frame may come before or after this ack: if it came first, the message is
        // already re-rendered (and focused); otherwise the re-render will move the focus.
        var rendered = item && !item.querySelector(isEdit ? ".room-editor" : ".room-body");
        if (!rendered) pendingFocus = frame.id;
      }
      if (frame.ref && String(frame.ref).indexOf("post-") === 0 && form) {
        form.querySelector("textarea").value = "";
        status.textContent = strings.live;
      }
    },
    error: function (frame) { showError(frame.message); }
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
      if (FINAL_CLOSE_CODES.hasOwnProperty(event.code)) {
        showError(strings[FINAL_CLOSE_CODES[event.code]]);
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

  // Messages rendered by the server: give the person's own recent ones the live controls.
  Array.prototype.forEach.call(list.querySelectorAll(".room-message"), function (item) {
    var time = item.querySelector("time");
    if (time) showTime(time, time.getAttribute("datetime"));
    if (Number(item.dataset.author) === userId && item.querySelector(".room-body") && time) {
      ownButtons(item, time.getAttribute("datetime"));
    }
  });

  function bindForm() {
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

  if (form) bindForm();
  showPosting(JSON.parse(document.getElementById("room-posting-state").textContent));

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
