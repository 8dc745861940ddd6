/* argmap's interactive page: pan and zoom, search, the side panel, keyboard access, statuses, live reload.
 *
 * Plain JavaScript, no library. Text from the map reaches the page only through textContent and
 * text nodes, never as markup; links are made only from http and https addresses.
 */
(() => {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const $ = (name) => document.getElementById("argmap-" + name);
  const data = JSON.parse($("data").textContent);
  const view = $("view");
  const svg = view.querySelector("svg");
  const panel = $("panel");
  const panelBody = $("panel-body");
  const searchBox = $("search");
  const count = $("count");
  const legend = document.querySelector(".legend");
  const sources = data.sources || {};
  const documents = data.documents || {};
  const verdicts = data.verdicts || null;
  const BADGES = data.marks || {}; // each status's mark, from argmap.evaluate.STATUSES

  // ------------------------------------------------------------------ the map, indexed
  const claims = new Map((data.claims || []).map((claim) => [claim.id, claim]));
  const relations = new Map((data.relations || []).map((relation) => [relation.id, relation]));
  const into = new Map(); // a claim's or a support's id -> the relations that point at it
  const out = new Map(); // a claim's id -> the relations it starts
  const file = (index, key, value) => {
    if (!index.has(key)) index.set(key, []);
    index.get(key).push(value);
  };
  for (const relation of relations.values()) {
    file(into, relation.to, relation);
    for (const id of relation.from) file(out, id, relation);
  }
  const pointingAt = (id, kind) => (into.get(id) || []).filter((relation) => relation.kind === kind);
  const startedBy = (id, kind) => (out.get(id) || []).filter((relation) => relation.kind === kind);
  const isMain = (id) => !out.has(id) && into.has(id);

  function speaker(claim) {
    const attribution = claim.attribution;
    const source = attribution && sources[attribution.source];
    return source ? source.name : "";
  }

  // ------------------------------------------------------------------ the claims' nodes
  const nodes = new Map(); // claim id -> its <g> in the diagram
  // A page shown hidden at first (in a notebook's background tab, or a frame not yet laid out) has no
  // geometry yet: its status badges wait, and are placed once the view has a size.
  const waiting = [];
  const claimOf = new Map(); // <g> -> claim
  for (const claim of claims.values()) {
    const node = document.getElementById(claim.node);
    if (!node) continue;
    nodes.set(claim.id, node);
    claimOf.set(node, claim);
    const who = speaker(claim);
    const verdict = verdicts && verdicts[claim.id];
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.setAttribute(
      "aria-label",
      claim.text + (who ? " \u2014 " + who : "") + (verdict ? " (" + verdict.status + ")" : ""),
    );
    if (verdict) badge(node, verdict.status);
  }

  function badge(node, status) {
    node.classList.add("status-" + status);
    const shape = node.querySelector("path, polygon");
    if (!shape) return;
    const box = shape.getBBox();
    if (!box.width) {
      waiting.push([node, status]);
      return;
    }
    const mark = document.createElementNS(SVG, "g");
    mark.setAttribute("class", "badge");
    mark.setAttribute("aria-hidden", "true");
    const circle = document.createElementNS(SVG, "circle");
    circle.setAttribute("cx", box.x + box.width - 3);
    circle.setAttribute("cy", box.y + 3);
    circle.setAttribute("r", "9");
    const symbol = document.createElementNS(SVG, "text");
    symbol.setAttribute("x", box.x + box.width - 3);
    symbol.setAttribute("y", box.y + 7.5);
    symbol.setAttribute("text-anchor", "middle");
    symbol.textContent = BADGES[status];
    mark.append(circle, symbol);
    node.append(mark);
  }

  // ------------------------------------------------------------------ pan and zoom
  // The camera is the diagram point at the centre of the view and the scale in screen pixels per unit;
  // the viewBox always has the view's proportions, so the two map onto each other exactly.
  const frame = svg.viewBox.baseVal;
  const bounds =
    frame && frame.width > 0
      ? { x: frame.x, y: frame.y, w: frame.width, h: frame.height }
      : { x: 0, y: 0, w: 100, h: 100 };
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("role", "group");
  svg.setAttribute(
    "aria-label",
    "The diagram: " + nodes.size + " claims. Tab moves through them, Enter opens one in the side panel.",
  );
  let camera = { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2, s: 1 };
  let fitted = true; // while the reader has not moved the map, a change of the view's size fits it anew

  const area = () => view.getBoundingClientRect();
  function show() {
    const box = area();
    const w = Math.max(box.width, 1) / camera.s;
    const h = Math.max(box.height, 1) / camera.s;
    svg.setAttribute("viewBox", [camera.x - w / 2, camera.y - h / 2, w, h].join(" "));
  }
  /** The part of the view the legend leaves free: above it or beside it, whichever shows the map larger. */
  function freeArea() {
    const box = area();
    const whole = { left: box.left, top: box.top, width: box.width, height: box.height };
    if (!legend || !legend.open) return whole;
    const covered = legend.getBoundingClientRect();
    const above = { left: box.left, top: box.top, width: box.width, height: covered.top - box.top };
    const beside = { left: covered.right, top: box.top, width: box.right - covered.right, height: box.height };
    const scale = (part) => Math.min(part.width / bounds.w, part.height / bounds.h);
    const best = scale(above) >= scale(beside) ? above : beside;
    return scale(best) >= scale(whole) * 0.5 ? best : whole;
  }
  function fitScale() {
    const box = area();
    return Math.min(box.width / bounds.w, box.height / bounds.h) * 0.96 || 1;
  }
  const limit = (scale) => Math.min(8, Math.max(Math.min(fitScale(), 1) / 4, scale));
  function fit() {
    const box = area();
    const free = freeArea();
    const scale = Math.min(1.5, Math.min(free.width / bounds.w, free.height / bounds.h) * 0.96) || 1;
    // The diagram's centre goes to the centre of the free part, which may lie off the view's centre.
    const offsetX = free.left + free.width / 2 - (box.left + box.width / 2);
    const offsetY = free.top + free.height / 2 - (box.top + box.height / 2);
    camera = { x: bounds.x + bounds.w / 2 - offsetX / scale, y: bounds.y + bounds.h / 2 - offsetY / scale, s: scale };
    fitted = true;
    show();
  }
  /** Redraw after the view changed size: fitted anew if the reader left it fitted, else about the same centre. */
  const refresh = () => (fitted ? fit() : show());
  function zoom(factor, clientX, clientY) {
    const box = area();
    const dx = (clientX === undefined ? box.left + box.width / 2 : clientX) - box.left - box.width / 2;
    const dy = (clientY === undefined ? box.top + box.height / 2 : clientY) - box.top - box.height / 2;
    const scale = limit(camera.s * factor);
    camera.x += dx / camera.s - dx / scale; // the point under the pointer stays under it
    camera.y += dy / camera.s - dy / scale;
    camera.s = scale;
    fitted = false;
    show();
  }
  function pan(dx, dy) {
    camera.x -= dx / camera.s;
    camera.y -= dy / camera.s;
    fitted = false;
    show();
  }
  function whereIs(node) {
    const box = area();
    const rect = node.getBoundingClientRect();
    return {
      x: camera.x + (rect.left + rect.width / 2 - box.left - box.width / 2) / camera.s,
      y: camera.y + (rect.top + rect.height / 2 - box.top - box.height / 2) / camera.s,
      w: rect.width / camera.s,
      h: rect.height / camera.s,
      inView:
        rect.left >= box.left &&
        rect.right <= box.right &&
        rect.top >= box.top &&
        rect.bottom <= box.bottom &&
        !covered(rect),
    };
  }
  /** Whether the open legend lies over any of *rect*. */
  function covered(rect) {
    if (!legend || !legend.open) return false;
    const over = legend.getBoundingClientRect();
    return rect.left < over.right && rect.right > over.left && rect.top < over.bottom && rect.bottom > over.top;
  }
  /** The larger part of the view the open legend leaves clear: above it or beside it; the whole view when closed. */
  function clear() {
    const box = area();
    if (!legend || !legend.open) return box;
    const over = legend.getBoundingClientRect();
    const above = { left: box.left, top: box.top, width: box.width, height: over.top - box.top };
    const beside = { left: over.right, top: box.top, width: box.right - over.right, height: box.height };
    return above.width * above.height >= beside.width * beside.height ? above : beside;
  }
  /** Centre the view on a claim, zooming in to a readable size if the map is shown small. */
  function moveTo(node) {
    const place = whereIs(node);
    const box = area();
    const free = clear(); // the claim goes to the centre of what the legend leaves clear, never under it
    let scale = camera.s < 0.8 ? 1 : camera.s;
    scale = limit(Math.min(scale, (free.width * 0.9) / place.w, (free.height * 0.9) / place.h));
    const offsetX = free.left + free.width / 2 - (box.left + box.width / 2);
    const offsetY = free.top + free.height / 2 - (box.top + box.height / 2);
    camera = { x: place.x - offsetX / scale, y: place.y - offsetY / scale, s: scale };
    fitted = false;
    show();
  }
  /** Bring a claim into view if it is out of it, or, when *readable*, too small to read as well. */
  function reveal(node, readable) {
    if (!whereIs(node).inView || (readable && camera.s < 0.5)) moveTo(node);
  }

  const pointers = new Map();
  let start = null;
  let dragged = false;
  let pinch = null;
  function spread() {
    const [a, b] = [...pointers.values()];
    return { d: Math.hypot(a.x - b.x, a.y - b.y) || 1, x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  }
  view.addEventListener("pointerdown", (event) => {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    start = { x: event.clientX, y: event.clientY };
    dragged = false;
    pinch = pointers.size === 2 ? spread() : null;
  });
  view.addEventListener("pointermove", (event) => {
    const pointer = pointers.get(event.pointerId);
    if (!pointer) return;
    if (pointers.size === 1) {
      if (!dragged && Math.hypot(event.clientX - start.x, event.clientY - start.y) < 4) return;
      if (!dragged) {
        dragged = true;
        view.setPointerCapture(event.pointerId);
        view.classList.add("dragging");
      }
      pan(event.clientX - pointer.x, event.clientY - pointer.y);
    }
    pointer.x = event.clientX;
    pointer.y = event.clientY;
    if (pointers.size === 2 && pinch) {
      const now = spread();
      zoom(now.d / pinch.d, now.x, now.y);
      pan(now.x - pinch.x, now.y - pinch.y);
      pinch = now;
      dragged = true;
    }
  });
  const lift = (event) => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = null;
    if (pointers.size === 0) view.classList.remove("dragging");
  };
  view.addEventListener("pointerup", lift);
  view.addEventListener("pointercancel", lift);
  view.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? area().height : 1;
      zoom(Math.exp(-event.deltaY * unit * 0.0015), event.clientX, event.clientY);
    },
    { passive: false },
  );
  view.addEventListener("click", (event) => {
    if (dragged) {
      dragged = false;
      return;
    }
    const node = event.target.closest && event.target.closest("g.claim");
    if (node && claimOf.has(node)) open(claimOf.get(node).id, {});
  });
  view.addEventListener("keydown", (event) => {
    const node = event.target.closest && event.target.closest("g.claim");
    if (node && claimOf.has(node) && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      open(claimOf.get(node).id, { focus: true });
    }
  });
  view.addEventListener("focusin", (event) => {
    // A claim reached by the keyboard is brought into view; one clicked is already there, and moving
    // the view between the press and the release of the button would lose the click.
    const node = event.target.closest && event.target.closest("g.claim");
    if (node && !pointers.size) reveal(node, true);
  });
  $("zoom-in").addEventListener("click", () => zoom(1.25));
  $("zoom-out").addEventListener("click", () => zoom(0.8));
  $("fit").addEventListener("click", fit);
  new ResizeObserver(() => {
    for (const [node, status] of waiting.splice(0)) badge(node, status);
    refresh();
  }).observe(view);

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      if (!panel.hidden) {
        event.preventDefault();
        close(true);
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest("input, textarea, select")) return;
    const steps = { ArrowLeft: [80, 0], ArrowRight: [-80, 0], ArrowUp: [0, 80], ArrowDown: [0, -80] };
    if (event.key === "/") {
      event.preventDefault();
      searchBox.focus();
      searchBox.select();
    } else if (event.key === "+" || event.key === "=") {
      zoom(1.25);
    } else if (event.key === "-" || event.key === "_") {
      zoom(0.8);
    } else if (event.key === "0") {
      fit();
    } else if (steps[event.key] && view.contains(event.target)) {
      event.preventDefault();
      pan(...steps[event.key]);
    }
  });

  // ------------------------------------------------------------------ search
  const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const searchable = new Map();
  for (const claim of claims.values()) {
    const parts = [claim.text, claim.qualifier, claim.note, claim.id, ...(claim.tags || [])];
    for (const attribution of claim.attribution ? [claim.attribution, ...(claim.further || [])] : []) {
      for (const id of [attribution.source, ...(attribution.via || [])]) {
        const source = sources[id];
        if (source) parts.push(source.name, source.affiliation);
      }
      parts.push(attribution.quote, attribution.medium);
    }
    searchable.set(claim.id, fold(parts.filter(Boolean).join("\n")));
  }
  let matches = [];
  let current = -1;
  function find(move) {
    for (const id of matches) nodes.get(id).classList.remove("match", "current");
    const words = fold(searchBox.value).split(/\s+/).filter(Boolean);
    matches = words.length
      ? [...nodes.keys()].filter((id) => words.every((word) => searchable.get(id).includes(word)))
      : [];
    for (const id of matches) nodes.get(id).classList.add("match");
    svg.classList.toggle("searching", words.length > 0);
    current = -1;
    if (!words.length) count.textContent = "";
    else if (!matches.length) count.textContent = "no claim matches";
    else if (move) step(1);
    else count.textContent = matches.length === 1 ? "1 match" : matches.length + " matches";
  }
  function step(direction) {
    if (!matches.length) return;
    if (current >= 0) nodes.get(matches[current]).classList.remove("current");
    current = (current + direction + matches.length) % matches.length;
    const node = nodes.get(matches[current]);
    node.classList.add("current");
    moveTo(node);
    count.textContent = current + 1 + " of " + matches.length;
  }
  searchBox.addEventListener("input", () => find(true));
  searchBox.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    }
  });
  $("next").addEventListener("click", () => step(1));
  $("previous").addEventListener("click", () => step(-1));

  // ------------------------------------------------------------------ the side panel
  function element(tag, attributes, ...children) {
    const made = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) made.setAttribute(name, value);
    for (const child of children) if (child !== null && child !== undefined && child !== "") made.append(child);
    return made;
  }
  const safeUrl = (url) => (/^https?:\/\//i.test(url || "") ? url : null);
  function outward(url, text) {
    const safe = safeUrl(url);
    if (!safe) return document.createTextNode(text || url);
    return element("a", { href: safe, target: "_blank", rel: "noopener noreferrer" }, text || url);
  }
  function claimLink(id) {
    const claim = claims.get(id);
    if (!claim) return element("span", { class: "id" }, id);
    return element("a", { href: "#claim=" + encodeURIComponent(id), class: "claim-link", "data-claim": id }, claim.text);
  }
  function joined(items, separator) {
    const parts = [];
    items.forEach((item, index) => {
      if (index) parts.push(separator);
      parts.push(item);
    });
    return parts;
  }
  /** A verdict's reason, each [id] it names that is a claim made a link to it. */
  function reasoned(text) {
    return text.split(/\[([^\]]+)\]/).map((piece, index) => {
      if (index % 2 === 0) return piece;
      return claims.has(piece) ? claimLink(piece) : "[" + piece + "]";
    });
  }
  function verdictNote(id) {
    const verdict = verdicts && verdicts[id];
    return verdict ? element("span", { class: "detail" }, ...reasoned(BADGES[verdict.status] + " " + verdict.reason)) : null;
  }
  /** What a relation attacks or answers when it is not a claim: the step from a support's premises. */
  function inference(id) {
    const support = relations.get(id);
    if (!support) return [element("span", { class: "id" }, id)];
    if (support.kind !== "support") return ["the " + support.kind.replace("_", " ") + " ", element("span", { class: "id" }, id)];
    return ["the step from ", ...joined(support.from.map(claimLink), " + "), " to ", claimLink(support.to)];
  }
  function target(id) {
    return claims.has(id) ? [claimLink(id)] : inference(id);
  }
  function section(title, items) {
    if (!items.length) return null;
    return [element("h3", {}, title), element("ul", { class: "relations" }, ...items)];
  }
  /** A relation's label, or a skeptical response's stance, as the diagram writes it beside the line, in italics. */
  const labelled = (relation) => {
    const label = relation.stance ? "? " + relation.stance : relation.label;
    return label ? element("span", { class: "detail" }, element("em", {}, label)) : null;
  };

  function describe(claim) {
    const id = claim.id;
    const parts = [
      element("h2", { id: "argmap-panel-title", tabindex: "-1" }, isMain(id) ? "Main conclusion" : "Claim"),
      element("p", { class: "claim-text" }, claim.text),
    ];
    if (claim.qualifier) parts.push(element("p", { class: "qualifier" }, "[" + claim.qualifier + "]"));
    const verdict = verdicts && verdicts[id];
    if (verdict) {
      // "accepted: nothing attacks it" reads "✓ Accepted (grounded semantics): nothing attacks it".
      const status = verdict.status;
      const semantics = data.semantics ? " (" + data.semantics + " semantics)" : "";
      const reason = verdict.reason.startsWith(status + ": ") ? verdict.reason.slice(status.length + 2) : verdict.reason;
      const title = BADGES[status] + " " + status[0].toUpperCase() + status.slice(1) + semantics;
      parts.push(
        element("p", { class: "status " + status }, element("strong", {}, title), ": ", ...reasoned(reason)),
      );
    }
    const attributions = claim.attribution ? [claim.attribution, ...(claim.further || [])] : [];
    if (attributions.length) parts.push(element("h3", {}, "Who said it"));
    for (const attribution of attributions) {
      const said = element("dl", {});
      const row = (term, ...value) => said.append(element("dt", {}, term), element("dd", {}, ...value));
      const source = sources[attribution.source] || { name: attribution.source };
      const about = [source.affiliation, source.kind === "person" ? null : source.kind].filter(Boolean).join(", ");
      row("Source", source.url ? outward(source.url, source.name) : source.name, about ? " (" + about + ")" : "");
      (attribution.via || []).forEach((via, index) => {
        const passer = sources[via] || { name: via };
        const extra = passer.affiliation ? " (" + passer.affiliation + ")" : "";
        row(index ? "then via" : "Via", passer.url ? outward(passer.url, passer.name) : passer.name, extra);
      });
      if (attribution.medium) row("Medium", attribution.medium);
      if (attribution.date) row("Date", attribution.date);
      if (attribution.url) row("Where", outward(attribution.url));
      parts.push(element("p", { class: "said" }, "\u2014 " + attribution.said), said);
      if (attribution.quote) parts.push(element("blockquote", {}, "\u201C" + attribution.quote + "\u201D"));
    }
    if (!attributions.length) {
      parts.push(element("h3", {}, "Who said it"), element("p", { class: "note" }, "Not attributed to a source."));
    }
    if (claim.tags && claim.tags.length) {
      const tags = claim.tags.map((tag) => element("li", {}, tag));
      parts.push(element("h3", {}, "Tags"), element("ul", { class: "tags" }, ...tags));
    }
    if (claim.note) parts.push(element("h3", {}, "Mapper\u2019s note"), element("p", { class: "note" }, claim.note));
    if (claim.document) {
      const origin = documents[claim.document] || {};
      const details = [origin.author, origin.publication, origin.date].filter(Boolean).join(" \u00B7 ");
      const title = origin.title || claim.document;
      parts.push(
        element("h3", {}, "From the document"),
        element("p", {}, origin.url ? outward(origin.url, title) : title, details ? " (" + details + ")" : ""),
      );
    }

    const supportedBy = pointingAt(id, "support").map((support) => {
      const against = [
        ...pointingAt(support.id, "undercut").map((undercut) =>
          element("span", { class: "detail" }, "undercut by ", claimLink(undercut.from[0])),
        ),
        ...pointingAt(support.id, "skeptical_response").map((response) =>
          element("span", { class: "detail" }, "answered skeptically (" + response.stance + ") by ", claimLink(response.from[0])),
        ),
      ];
      const premises =
        support.from.length > 1
          ? ["together:", element("ul", {}, ...support.from.map((premise) => element("li", {}, claimLink(premise))))]
          : [claimLink(support.from[0])];
      return element("li", {}, ...premises, labelled(support), verdictNote(support.id), ...against);
    });
    const supports = startedBy(id, "support").map((support) => {
      const others = support.from.filter((other) => other !== id);
      const together = others.length
        ? element("span", { class: "detail" }, "together with ", ...joined(others.map(claimLink), " + "))
        : null;
      return element("li", {}, claimLink(support.to), labelled(support), together, verdictNote(support.id));
    });
    const listed = (relation, ...what) => element("li", {}, ...what, labelled(relation), verdictNote(relation.id));
    const attackers = (kind) => pointingAt(id, kind).map((relation) => listed(relation, claimLink(relation.from[0])));
    const attacked = (kind) => startedBy(id, kind).map((relation) => listed(relation, ...target(relation.to)));
    for (const found of [
      section("Supported by", supportedBy),
      section("Supports", supports),
      section("Rebutted by", attackers("rebuttal")),
      section("Rebuts", attacked("rebuttal")),
      section("Undercuts", attacked("undercut")),
      section("Skeptical responses", attackers("skeptical_response")),
      section("Responds skeptically to", attacked("skeptical_response")),
    ]) {
      if (found) parts.push(...found);
    }
    parts.push(element("p", { class: "id" }, "id: " + id));
    return parts;
  }

  let opened = null;
  function remember(id) {
    try {
      history.replaceState(null, "", id ? "#claim=" + encodeURIComponent(id) : location.pathname + location.search);
    } catch (error) {
      // some browsers refuse to change the address of a page opened from disk; the page works without it
    }
  }
  function open(id, how) {
    const claim = claims.get(id);
    if (!claim) return;
    if (opened && nodes.has(opened)) nodes.get(opened).classList.remove("selected");
    opened = id;
    const node = nodes.get(id);
    if (node) node.classList.add("selected");
    panelBody.replaceChildren(...describe(claim));
    panel.hidden = false;
    panel.scrollTop = 0;
    refresh(); // the view just narrowed
    if (node) (how.move ? moveTo : reveal)(node, how.focus);
    remember(id);
    if (how.focus) $("panel-title").focus({ preventScroll: true });
  }
  function close(returnFocus) {
    panel.hidden = true;
    const node = opened && nodes.get(opened);
    if (node) {
      node.classList.remove("selected");
      if (returnFocus) node.focus({ preventScroll: true });
    }
    opened = null;
    refresh();
    remember(null);
  }
  panel.addEventListener("click", (event) => {
    const link = event.target.closest("a.claim-link");
    if (!link) return;
    event.preventDefault();
    open(link.getAttribute("data-claim"), { move: true, focus: true });
  });
  $("close").addEventListener("click", () => close(true));
  const fromAddress = () => {
    const found = /^#claim=(.*)$/.exec(location.hash);
    if (!found) return null;
    try {
      return decodeURIComponent(found[1]);
    } catch (error) {
      return null;
    }
  };
  window.addEventListener("hashchange", () => {
    const id = fromAddress();
    if (id && claims.has(id) && id !== opened) open(id, { move: true });
  });

  // ------------------------------------------------------------------ statuses
  const toggle = $("statuses");
  if (verdicts) svg.classList.add("show-status");
  if (toggle) toggle.addEventListener("change", () => svg.classList.toggle("show-status", toggle.checked));

  // ------------------------------------------------------------------ live reload under argmap --watch
  // A page served by `argmap render --watch` carries the number of its render; it asks the server for
  // the latest number and reloads when it changes, keeping the view, the search and the open claim.
  const KEPT = "argmap-view:" + location.pathname;
  const live = document.documentElement.getAttribute("data-argmap-live");
  const alert = $("alert");
  function say(message) {
    alert.textContent = message || "";
    alert.hidden = !message;
  }
  function poll() {
    fetch("/__argmap__/version", { cache: "no-store" })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error("no version"))))
      .then((state) => {
        if (String(state.version) !== live) {
          try {
            sessionStorage.setItem(KEPT, JSON.stringify({ camera, fitted, query: searchBox.value }));
          } catch (error) {
            // without storage the page reloads at its default view
          }
          location.reload();
          return;
        }
        say(state.error ? "The map has an error; this page shows the last good render. " + state.error : "");
        setTimeout(poll, 400);
      })
      .catch(() => say("argmap --watch has stopped: this page no longer reloads itself."));
  }

  // ------------------------------------------------------------------ start
  let kept = null;
  try {
    kept = JSON.parse(sessionStorage.getItem(KEPT) || "null");
    sessionStorage.removeItem(KEPT);
  } catch (error) {
    kept = null;
  }
  if (kept && kept.camera && !kept.fitted) {
    camera = kept.camera;
    fitted = false;
    show();
  } else {
    fit();
  }
  if (kept) {
    searchBox.value = kept.query || "";
    find(false);
  }
  if (legend) {
    // The legend starts closed; opened, it never covers the claim in the side panel.
    legend.addEventListener("toggle", () => {
      if (fitted) fit();
      const node = opened && nodes.get(opened);
      if (node) reveal(node);
    });
  }
  const first = fromAddress();
  if (first && claims.has(first)) open(first, { move: !kept });
  if (live !== null) setTimeout(poll, 400);
})();
