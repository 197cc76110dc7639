// « Trouve ton métier »: the six interest types from the boxes ticked, then the profiles that
// share them, with why. Everything happens here (nothing is sent); the result lives in the URL.
(function () {
  "use strict";
  var form = document.getElementById("quiz");
  var result = document.getElementById("quiz-resultat");
  if (!form || !result) { return; }
  var metiers = JSON.parse(document.getElementById("quiz-donnees").textContent);
  var names = JSON.parse(document.getElementById("quiz-types-noms").textContent);
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var base = form.getAttribute("action").replace(/\/trouve-ton-metier\/$/, "");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }
  // The two types with the most boxes ticked (three, when tied).
  function topTypes() {
    var scores = {};
    boxes.forEach(function (box) { if (box.checked) { scores[box.dataset.type] = (scores[box.dataset.type] || 0) + 1; } });
    var ranked = Object.keys(scores).sort(function (a, b) { return scores[b] - scores[a]; });
    if (ranked.length > 2 && scores[ranked[2]] === scores[ranked[1]]) { return ranked.slice(0, 3); }
    return ranked.slice(0, 2);
  }
  function show(types) {
    var list = document.getElementById("quiz-metiers");
    list.textContent = "";
    if (!types.length) {
      document.getElementById("quiz-types").textContent = "Coche au moins une phrase qui te ressemble.";
      result.hidden = false;
      return;
    }
    document.getElementById("quiz-types").textContent = types.map(function (t) {
      return names.noms[t] + " : " + names.descriptions[t];
    }).join(" ");
    var matches = metiers.map(function (m) {
      var shared = m[2].filter(function (t) { return types.indexOf(t) >= 0; });
      return { m: m, shared: shared, first: types.indexOf(m[2][0]) >= 0 };
    }).filter(function (x) { return x.shared.length; });
    matches.sort(function (a, b) { return b.shared.length - a.shared.length || (b.first - a.first); });
    matches.slice(0, 24).forEach(function (x) {
      var li = el("li", { "class": "card" });
      var h = el("h3", { "class": "card-title" });
      h.appendChild(el("a", { href: base + "/metiers/" + x.m[0] + "/" }, x.m[1]));
      li.appendChild(h);
      li.appendChild(el("p", { "class": "card-resume" }, "Pourquoi : tu as coché des choses du type " +
        x.shared.map(function (t) { return names.noms[t]; }).join(" et ") + ", comme les personnes qui font ce métier."));
      list.appendChild(li);
    });
    var link = document.getElementById("quiz-lien");
    link.href = base + "/trouve-ton-metier/?types=" + types.join(",");
    result.hidden = false;
  }
  function fromUrl() {
    var params = new URLSearchParams(location.search);
    var types = (params.get("types") || "").split(",").filter(function (t) { return Object.prototype.hasOwnProperty.call(names.noms, t); });
    params.getAll("q").forEach(function (i) { if (boxes[+i]) { boxes[+i].checked = true; } });
    if (!types.length && params.getAll("q").length) { types = topTypes(); }
    if (types.length) { show(types); }
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var types = topTypes();
    show(types);
    if (types.length) { history.replaceState(null, "", "?types=" + types.join(",")); }
    document.getElementById("quiz-titre").focus();
  });
  document.getElementById("quiz-titre").setAttribute("tabindex", "-1");
  fromUrl();
}());
