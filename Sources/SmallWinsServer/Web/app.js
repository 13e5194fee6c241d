// The SmallWins reference page: plain JavaScript over the HTTP API (/openapi.json), no build step.
// Signs in with an access token (kept in this tab's sessionStorage), records wins and lessons, celebrates with
// confetti, keeps the feed live from /v1/changes (Server-Sent Events read with fetch, since EventSource cannot send
// the Authorization header) and shows the dashboard's totals and charts.
"use strict";

const state = { token: null, me: null, team: null, next: null, lastEventId: null, stream: null, ownWins: new Set() };
const $ = (id) => document.getElementById(id);

// --- The API ---------------------------------------------------------------------------------------------------

class Problem extends Error {
  constructor(status, body) {
    super(body.detail || `the server answered ${status}`);
    this.status = status;
    this.field = body.field;
  }
}

async function api(path, options = {}) {
  const headers = { Authorization: `Bearer ${state.token}`, ...(options.headers || {}) };
  if (options.json !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method: options.method || "GET", headers, signal: options.signal,
    body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    if (response.status === 401 && path !== "/v1/me") signOut("Your sign-in ended; sign in again.");
    throw new Problem(response.status, body);
  }
  if (response.status === 204) return null;
  const type = response.headers.get("Content-Type") || "";
  return type.includes("json") ? response.json() : response.text();
}

// --- Signing in ------------------------------------------------------------------------------------------------

async function signIn(token) {
  state.token = token;
  try {
    state.me = await api("/v1/me");
  } catch (error) {
    state.token = null;
    $("sign-in-error").textContent = error.status === 401 ? "That token is not valid, expired or revoked." : error.message;
    return;
  }
  sessionStorage.setItem("smallwins.token", token);
  $("sign-in").hidden = true;
  $("app").hidden = false;
  $("who").hidden = false;
  $("who-name").textContent = `Signed in as ${state.me.member.name}`;
  const picker = $("team");
  picker.replaceChildren();
  const byId = new Map(state.me.teams.map((team) => [team.id, team]));
  for (const membership of state.me.memberships) {
    const team = byId.get(membership.team);
    if (!team) continue;
    picker.append(new Option(`${team.name} (${membership.role})`, team.id));
  }
  state.team = picker.value;
  $("day").value = today();
  await showTeam();
  listen();
}

function signOut(message) {
  sessionStorage.removeItem("smallwins.token");
  if (state.stream) state.stream.abort();
  Object.assign(state, { token: null, me: null, team: null, stream: null, lastEventId: null });
  $("app").hidden = true;
  $("who").hidden = true;
  $("sign-in").hidden = false;
  $("token").value = "";
  $("sign-in-error").textContent = message || "";
}

function canRecord() {
  return state.me.memberships.some((m) => m.team === state.team && m.role !== "observer");
}

// --- The feed --------------------------------------------------------------------------------------------------

async function showTeam() {
  $("record-form").querySelector("button[type=submit]").disabled = !canRecord();
  $("record-status").textContent = canRecord() ? "" : "Observers celebrate, but do not record wins.";
  await Promise.all([loadFeed(), loadDashboard()]);
}

async function loadFeed(append = false) {
  const query = new URLSearchParams({ team: state.team, limit: "20" });
  if (append && state.next) query.set("cursor", state.next);
  const page = await api(`/v1/wins?${query}`);
  if (!append) $("feed").replaceChildren();
  for (const item of page.items) $("feed").append(winElement(item));
  state.next = page.next || null;
  $("more").hidden = !state.next;
}

function winElement(item) {
  const { win } = item;
  const li = document.createElement("li");
  li.id = `win-${win.id}`;
  li.dataset.win = win.id;
  const heading = document.createElement("h3");
  const kind = document.createElement("span");
  kind.className = `kind ${win.kind}`;
  kind.textContent = win.kind === "lesson" ? "Lesson learned" : "Success";
  heading.append(kind, document.createTextNode(win.title));
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = `${item.authorName} · ${item.teamPath} · ${win.day}`;
  const story = document.createElement("p");
  story.className = "story";
  story.textContent = win.story;
  li.append(heading, meta, story);
  if (win.learned) li.append(labelled("learned", "What we learned: ", win.learned));
  if (win.next) li.append(labelled("next", "Next: ", win.next));
  const button = document.createElement("button");
  button.type = "button";
  button.className = "celebrate";
  const own = win.author === state.me.member.id;
  button.disabled = own;
  button.title = own ? "Colleagues celebrate your wins" : "Celebrate this win";
  button.textContent = `🎉 Celebrate (${item.celebrationCount})`;
  button.setAttribute("aria-label", `Celebrate “${win.title}”, celebrated ${item.celebrationCount} times`);
  button.addEventListener("click", () => celebrate(win, button));
  li.append(button);
  return li;
}

function labelled(className, label, text) {
  const p = document.createElement("p");
  p.className = className;
  const strong = document.createElement("strong");
  strong.textContent = label;
  p.append(strong, document.createTextNode(text));
  return p;
}

async function refreshWin(id, arrived) {
  let item;
  try {
    item = await api(`/v1/wins/${id}`);
  } catch (error) {
    if (error.status === 404) $(`win-${id}`)?.remove();
    return;
  }
  if (item.win.team !== state.team && !isBelow(item.win.team)) return;
  const element = winElement(item);
  const existing = $(`win-${id}`);
  if (existing) {
    existing.replaceWith(element);
  } else {
    element.classList.add("new");
    $("feed").prepend(element);
    if (arrived) announce(`New ${item.win.kind === "lesson" ? "lesson" : "win"} from ${item.authorName}: ${item.win.title}`);
  }
}

function isBelow(teamId) {
  const parents = new Map(state.me.teams.map((team) => [team.id, team.parent]));
  for (let at = parents.get(teamId); at; at = parents.get(at)) if (at === state.team) return true;
  return false;
}

// --- Recording and celebrating ---------------------------------------------------------------------------------

async function record(event) {
  event.preventDefault();
  const form = event.target;
  const data = new FormData(form);
  const draft = {
    team: state.team, kind: data.get("kind"), title: data.get("title").trim(), story: data.get("story").trim(),
    day: data.get("day"), learned: data.get("learned").trim() || null, next: data.get("next").trim() || null,
  };
  const status = $("record-status");
  try {
    const win = await api("/v1/wins", { method: "POST", json: draft });
    state.ownWins.add(win.id);
    form.reset();
    $("day").value = today();
    status.textContent = `Recorded “${win.title}”.`;
    await refreshWin(win.id, false);
    loadDashboard();
  } catch (error) {
    status.textContent = error.message;
    const field = error.field && form.elements[error.field];
    if (field && field.focus) field.focus();
  }
}

async function celebrate(win, button) {
  button.disabled = true;
  try {
    await api(`/v1/wins/${win.id}/celebrations`, { method: "POST", json: { kind: "confetti" } });
    confetti();
    announce(`You celebrated “${win.title}”.`);
  } catch (error) {
    announce(error.status === 409 ? "You already celebrated this win." : error.message);
  }
  await refreshWin(win.id, false);
}

function confetti() {
  const canvas = $("confetti");
  if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;
  const context = canvas.getContext("2d");
  canvas.width = window.innerWidth;
  canvas.height = window.innerHeight;
  const colors = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"];
  const pieces = Array.from({ length: 160 }, () => ({
    x: canvas.width / 2, y: canvas.height / 3, vx: (Math.random() - 0.5) * 14, vy: Math.random() * -12 - 4,
    size: 5 + Math.random() * 6, color: colors[Math.floor(Math.random() * colors.length)], spin: Math.random() * 6,
  }));
  canvas.dataset.running = "true";
  const started = performance.now();
  function frame(now) {
    context.clearRect(0, 0, canvas.width, canvas.height);
    for (const piece of pieces) {
      piece.x += piece.vx; piece.y += piece.vy; piece.vy += 0.35; piece.spin += 0.2;
      context.fillStyle = piece.color;
      context.fillRect(piece.x, piece.y, piece.size, piece.size * Math.abs(Math.sin(piece.spin)) + 2);
    }
    if (now - started < 1800) requestAnimationFrame(frame);
    else { context.clearRect(0, 0, canvas.width, canvas.height); delete canvas.dataset.running; }
  }
  requestAnimationFrame(frame);
}

function announce(text) {
  $("announce").textContent = "";
  setTimeout(() => { $("announce").textContent = text; }, 50);
}

// --- Live changes ----------------------------------------------------------------------------------------------

async function listen() {
  const controller = new AbortController();
  state.stream = controller;
  const live = $("live");
  while (state.stream === controller) {
    try {
      const headers = { Authorization: `Bearer ${state.token}`, Accept: "text/event-stream" };
      if (state.lastEventId) headers["Last-Event-ID"] = state.lastEventId;
      const response = await fetch("/v1/changes", { headers, signal: controller.signal });
      if (response.status === 401) return signOut("Your sign-in ended; sign in again.");
      if (!response.ok || !response.body) throw new Error(`changes answered ${response.status}`);
      live.textContent = "live";
      live.classList.add("on");
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n?/g, "\n");
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          handle(parseEvent(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (error) {
      if (controller.signal.aborted) return;
    }
    live.textContent = "reconnecting…";
    live.classList.remove("on");
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function parseEvent(text) {
  const event = { type: "message", data: [], id: null };
  for (const line of text.split("\n")) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event.type = value;
    else if (field === "data") event.data.push(value);
    else if (field === "id") event.id = value;
  }
  return event;
}

function handle(event) {
  if (event.id) state.lastEventId = event.id;
  if (event.type !== "change" || event.data.length === 0) return;  // heartbeats carry no data
  const change = JSON.parse(event.data.join("\n"));
  if (change.team !== state.team && !isBelow(change.team)) return;
  if (change.entity === "win") {
    if (change.action === "deleted") $(`win-${change.id}`)?.remove();
    else refreshWin(change.id, change.action === "created" && !state.ownWins.has(change.id));
    scheduleDashboard();
  } else if (change.entity === "celebration") {
    refreshCounts();
    scheduleDashboard();
  }
}

// A celebration's notice names the celebration, not its win: one read of the newest wins updates their counts.
async function refreshCounts() {
  const shown = $("feed").children.length;
  if (shown === 0) return;
  const page = await api(`/v1/wins?${new URLSearchParams({ team: state.team, limit: String(Math.min(shown, 100)) })}`);
  for (const item of page.items) {
    const existing = $(`win-${item.win.id}`);
    if (existing) existing.replaceWith(winElement(item));
  }
}

// --- The dashboard ---------------------------------------------------------------------------------------------

let dashboardTimer = null;
function scheduleDashboard() {
  clearTimeout(dashboardTimer);
  dashboardTimer = setTimeout(loadDashboard, 800);
}

function period() {
  const now = new Date();
  const year = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  switch ($("period").value) {
    case "this": return { from: `${year}-08-01`, to: `${year + 1}-07-31` };
    case "last": return { from: `${year - 1}-08-01`, to: `${year}-07-31` };
    default: {
      const from = new Date(now);
      from.setFullYear(now.getFullYear() - 1);
      from.setDate(from.getDate() + 1);
      return { from: iso(from), to: iso(now) };
    }
  }
}

async function loadDashboard() {
  const query = new URLSearchParams({ team: state.team, ...period(), bucket: "month" });
  const board = await api(`/v1/dashboard?${query}`);
  const totals = $("totals");
  totals.replaceChildren();
  for (const [label, value] of [["Wins", board.totals.wins], ["Successes", board.totals.successes],
    ["Lessons learned", board.totals.lessons], ["Celebrations", board.totals.celebrations],
    ["Contributors", `${board.totals.contributors} of ${board.totals.members}`]]) {
    const div = document.createElement("div");
    const dt = document.createElement("dt");
    const dd = document.createElement("dd");
    dt.textContent = label;
    dd.textContent = value;
    div.append(dt, dd);
    totals.append(div);
  }
  const charts = $("charts");
  const figures = await Promise.all(["timeline", "equity", "groups", "participation"].map(async (chart) => {
    const svg = await api(`/v1/charts/${chart}?${query}`);
    const parsed = new DOMParser().parseFromString(svg, "image/svg+xml");
    const figure = document.createElement("figure");
    const image = document.createElement("img");
    image.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    image.alt = [parsed.querySelector("title")?.textContent, parsed.querySelector("desc")?.textContent].filter(Boolean).join(". ");
    image.dataset.chart = chart;
    figure.append(image);
    return figure;
  }));
  for (const old of charts.querySelectorAll("img")) URL.revokeObjectURL(old.src);
  charts.replaceChildren(...figures);
}

// --- Helpers and start -----------------------------------------------------------------------------------------

function iso(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

function today() { return iso(new Date()); }

document.addEventListener("DOMContentLoaded", () => {
  $("sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    $("sign-in-error").textContent = "";
    signIn($("token").value.trim());
  });
  $("sign-out").addEventListener("click", () => signOut());
  $("record-form").addEventListener("submit", record);
  $("team").addEventListener("change", () => { state.team = $("team").value; showTeam(); });
  $("period").addEventListener("change", loadDashboard);
  $("more").addEventListener("click", () => loadFeed(true));
  for (const radio of document.querySelectorAll("input[name=kind]")) {
    radio.addEventListener("change", () => { $("learned").required = radio.value === "lesson" && radio.checked; });
  }
  const saved = sessionStorage.getItem("smallwins.token");
  if (saved) signIn(saved);
});
