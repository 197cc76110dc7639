/* Fais le saut: client-side search (lunr.js 2.3.9 + lunr-languages fr).
 * The pipeline and the query builder mirror plugins/search_index (pipeline.py, query.py) line for
 * line: a test compares this file's results with Python's for the same queries. */
(function () {
  "use strict";

  var form = document.getElementById("recherche-form");
  var list = document.getElementById("resultats");
  var count = document.getElementById("compte");
  if (!form || !list || !count || !window.lunr) { return; }
  var base = form.getAttribute("data-siteurl") || "";
  var fields = { q: form.elements.q, cnp: form.elements.cnp, secteur: form.elements.secteur };
  var data = null;
  var index = null;

  // --- pipeline (same as pipeline.py) ---
  var SEPARATOR = /[\s\-'’ʼ/]+/;
  var TRIM = /^[^0-9a-zà-ÿ]+|[^0-9a-zà-ÿ]+$/g;
  function fold(text) { return text.normalize("NFKD").replace(/[^\x00-\x7F]/g, "").toLowerCase(); }
  // Inclusive suffixes (« intervenant·e ») are dropped: the masculine base plus the feminine
  // appellations cover both forms.
  var INCLUSIVE = /·[a-zà-ÿ]+/gi;
  function split(text) {
    return (text || "").replace(INCLUSIVE, "").split(SEPARATOR).filter(function (w) { return w; });
  }
  function masculin(word) {
    for (var i = 0; i < data.genre.length; i++) {
      var fem = data.genre[i][0];
      if (word.length > fem.length + 2 && word.slice(-fem.length) === fem) {
        return word.slice(0, -fem.length) + data.genre[i][1];
      }
    }
    return word;
  }
  function updating(fn) {
    return function (token) {
      token.update(function (s) { return fn(s); });
      return token.toString() ? token : undefined;
    };
  }
  function registerPipeline() {
    var stop = {};
    data.stopwords.forEach(function (w) { stop[w] = true; });
    var steps = [
      [updating(function (s) { return s.replace(TRIM, ""); }), "trimmer-fls"],
      [updating(fold), "fold-fls"],
      [updating(masculin), "genre-fls"],
      [function (token) { return stop[token.toString()] ? undefined : token; }, "stopWordFilter-fls"]
    ];
    steps.forEach(function (step) { lunr.Pipeline.registerFunction(step[0], step[1]); });
    var pipeline = new lunr.Pipeline();
    steps.forEach(function (step) { pipeline.add(step[0]); });
    pipeline.add(lunr.fr.stemmer);  // registered by lunr-languages as "stemmer-fr"
    return { run: function (text) {
      return pipeline.run(split(text.toLowerCase()).map(function (w) { return new lunr.Token(w); }))
        .map(String);
    }, stop: stop };
  }
  var textPipeline = null;

  // --- query (same as query.py) ---
  function clauses(text) {
    var words = split((text || "").toLowerCase());
    var typing = !!text && !/\s$/.test(text);
    var result = [];
    words.forEach(function (word, position) {
      var folded = fold(word).replace(TRIM, "");
      var variants = [word].concat(data.synonymes[folded] || []);
      variants.forEach(function (variant, rank) {
        textPipeline.run(variant).forEach(function (term) {
          result.push({ term: term, boost: rank === 0 ? 10 : 3 });
        });
      });
      if (folded.length >= 5) {
        result.push({ term: folded, fields: ["prefixe"], editDistance: 1, boost: 2 });
      }
      if (position === words.length - 1 && typing && folded.length >= 2 && !textPipeline.stop[folded]) {
        result.push({ term: folded, fields: ["prefixe"], wildcard: true, boost: 4 });
      }
    });
    return result;
  }
  function textSearch(text) {
    var found = clauses(text);
    if (!found.length) { return []; }
    return index.query(function (q) {
      found.forEach(function (c) {
        var options = {
          boost: c.boost, usePipeline: false,
          wildcard: c.wildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
        };
        // lunr.js reads a key's presence, not its value: add fields and editDistance only when set.
        if (c.fields) { options.fields = c.fields; }
        if (c.editDistance) { options.editDistance = c.editDistance; }
        q.term(c.term, options);
      });
    }).map(function (match) { return match.ref; });
  }

  // --- codes: NOC 2021 (5 digits), NOC 2016 (4 digits, concordance), prefix (1-3 digits) ---
  function codeFilter(code) {
    if (!code) { return null; }
    if (code.length === 5) { return { test: function (d) { return d.c === code; } }; }
    if (code.length === 4 && data.concordance[code]) {
      var targets = data.concordance[code];
      return { test: function (d) { return targets.indexOf(d.c) >= 0; }, note: targets };
    }
    return { test: function (d) { return d.c.indexOf(code) === 0; } };
  }

  function search(params) {
    var text = (params.q || "").trim() ? params.q : "";
    var code = (params.cnp || "").replace(/\D/g, "").slice(0, 5);
    if (!code && /^\s*\d{1,5}\s*$/.test(text)) { code = text.trim(); text = ""; }
    var filter = codeFilter(code);
    var docs = text ? textSearch(text).map(function (ref) { return data.docs[+ref]; }) : data.docs.slice();
    if (!text && !code && !params.secteur) { docs = []; }
    docs = docs.filter(function (d) {
      return (!filter || filter.test(d)) && (!params.secteur || d.s.indexOf(params.secteur) >= 0);
    });
    return { docs: docs, note: filter && filter.note, code: code, text: text };
  }
  window.FaisLeSaut = { search: function (q) { return textSearch(q).map(function (r) { return data.docs[+r].id; }); } };

  // --- rendering (text only: content can never inject markup) ---
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }
  function card(doc) {
    var li = el("li", { "class": "card", "data-cnp": doc.c });
    var h = el("h2", { "class": "card-title" });
    h.appendChild(el("a", { href: base + "/" + doc.u }, doc.t));
    li.appendChild(h);
    var meta = el("p", { "class": "card-meta" });
    meta.appendChild(el("a", { "class": "code-badge", href: base + "/cnp/" + doc.c + "/" }, "CNP " + doc.c));
    if (doc.c16.length) { meta.appendChild(el("span", { "class": "code-old" }, " (CNP 2016 : " + doc.c16.join(", ") + ")")); }
    li.appendChild(meta);
    li.appendChild(el("p", { "class": "card-resume" }, doc.r));
    var chips = el("ul", { "class": "chips", "aria-label": "Secteurs" });
    doc.s.forEach(function (slug) {
      var item = el("li");
      item.appendChild(el("a", { "class": "chip", href: base + "/secteurs/" + slug + "/" }, data.secteurs[slug] || slug));
      chips.appendChild(item);
    });
    li.appendChild(chips);
    return li;
  }
  function emptyState(result) {
    var li = el("li", { "class": "empty" });
    li.appendChild(el("p", {}, "Aucun métier ne correspond à cette recherche. Quelques pistes :"));
    var tips = el("ul");
    ["Vérifie l'orthographe ou essaie un mot plus général (ex. « intervenant », « cuisine », « bénévoles »).",
     "Retire le filtre de secteur ou de code.",
     "Un code CNP 2021 a 5 chiffres ; un code CNP 2016 en a 4 ; 1 à 3 chiffres listent une famille de métiers."]
      .forEach(function (tip) { tips.appendChild(el("li", {}, tip)); });
    li.appendChild(tips);
    var browse = el("p");
    browse.appendChild(el("a", { href: base + "/metiers/" }, "Parcourir les métiers de A à Z"));
    li.appendChild(browse);
    return li;
  }
  function render(result, params) {
    list.textContent = "";
    var hasQuery = params.q || params.cnp || params.secteur;
    if (!hasQuery) { count.textContent = ""; return; }
    result.docs.forEach(function (doc) { list.appendChild(card(doc)); });
    if (!result.docs.length) { list.appendChild(emptyState(result)); }
    var n = result.docs.length;
    var text = n === 0 ? "Aucun métier trouvé" : n + (n > 1 ? " métiers trouvés" : " métier trouvé");
    if (result.note) { text += " (code CNP 2016 " + result.code + " → CNP 2021 " + result.note.join(", ") + ")"; }
    count.textContent = text;
  }

  // --- state in the URL: ?q=…&cnp=…&secteur=… ---
  function read() {
    return { q: fields.q.value, cnp: fields.cnp.value.trim(), secteur: fields.secteur.value };
  }
  function writeUrl(params) {
    var query = new URLSearchParams();
    ["q", "cnp", "secteur"].forEach(function (k) { if (params[k] && params[k].trim()) { query.set(k, params[k].trim()); } });
    var url = location.pathname + (query.toString() ? "?" + query.toString() : "");
    history.replaceState(null, "", url);
  }
  function update() {
    if (!index) { return; }
    var params = read();
    writeUrl(params);
    render(search(params), params);
  }
  var timer = null;
  function later() { clearTimeout(timer); timer = setTimeout(update, 120); }

  var initial = new URLSearchParams(location.search);
  fields.q.value = initial.get("q") || "";
  fields.cnp.value = initial.get("cnp") || "";
  fields.secteur.value = initial.get("secteur") || "";
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  fields.q.addEventListener("input", later);
  fields.cnp.addEventListener("input", later);
  fields.secteur.addEventListener("change", update);

  count.textContent = "Chargement de l'index de recherche…";
  fetch(base + "/recherche/index.json").then(function (response) { return response.json(); }).then(function (payload) {
    data = payload;
    textPipeline = registerPipeline();
    index = lunr.Index.load(data.index);
    count.textContent = "";
    form.setAttribute("data-ready", "true");
    update();
    // The complete index (with the profiles' text) arrives second and replaces the quick one.
    return fetch(base + "/recherche/index-complet.json").then(function (response) { return response.json(); })
      .then(function (complete) {
        index = lunr.Index.load(complete.index);
        form.setAttribute("data-complete", "true");
        update();
      });
  }).catch(function () {
    count.textContent = "La recherche n'a pas pu être chargée. Utilise les liens ci-dessous pour parcourir les métiers.";
  });
}());
