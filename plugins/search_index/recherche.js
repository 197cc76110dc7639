/* Fais le saut: client-side search (lunr.js 2.3.9; lunr-languages' French stemmer for the text).
 * Sent as recherche/moteur.js, after lunr.js and the first file's data (publish.py engine()).
 * The normalization mirrors pipeline.py (a browser test compares them on the
 * whole vocabulary). Every query word must match, in one of its forms. The index is cut by the
 * first letter of its terms (plugins/search_index/build.py): a query fetches the parts of its
 * words; the records of the results it shows come with the title parts (when a part answers few
 * profiles) or in small packets fetched after. The title parts answer titles, other titles,
 * codes and synonyms completely, so the first list never changes; matches in the summary and the
 * text come with the text parts, listed below under their own heading. */
(function () {
  "use strict";

  var MAX_QUERY = 200;
  var MAX_WORD = 40;
  var SHOWN = 10;  // text matches shown at first
  var PAGE = 20;  // title matches shown at first
  var form = document.getElementById("recherche-form");
  var list = document.getElementById("resultats");
  var more = document.getElementById("resultats-texte");
  var moreTitle = document.getElementById("titre-resultats-texte");
  var count = document.getElementById("compte");
  if (!form || !list || !more || !count || !window.lunr) { return; }
  var base = form.getAttribute("data-siteurl") || "";
  var fields = { q: form.elements.q, cnp: form.elements.cnp, secteur: form.elements.secteur };
  // data: the first file; `wantText`: the reader is at the form (the text parts may come).
  var data = null, stop = null, wantText = false;
  var startText = function () {};  // loads the stemmer and the text parts (set once data is in)
  // Sector names come from the page's own menu (not repeated in the index file).
  var sectorNames = Object.create(null);
  Array.prototype.forEach.call(fields.secteur.options, function (o) { if (o.value) { sectorNames[o.value] = o.textContent; } });

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // --- normalization (same as pipeline.py) ---
  var SEPARATOR = /[\s\-'’ʼ/.,;:!?«»()\[\]"“”…]+/;
  var TOKENS = new RegExp("(" + SEPARATOR.source + ")");  // words and what separates them, in turn
  var TRIM = /^[^0-9a-z]+|[^0-9a-z]+$/g;
  // Inclusive suffixes, however typed (« intervenant·e », « intervenant(e) », « conseiller.ère »):
  // pipeline.py's INCLUSIVE, sent with the first file's data, put before this code.
  var INCLUSIVE = new RegExp((window.FaisLeSautMeta || {}).inclusive || "$^", "gi");
  function fold(value) { return value.normalize("NFKD").replace(/[^\x00-\x7F]/g, "").toLowerCase(); }
  function split(value) {
    return (value || "").replace(INCLUSIVE, "$1").split(SEPARATOR)
      .map(function (w) { return fold(w).replace(TRIM, "").slice(0, MAX_WORD); })
      .filter(function (w) { return w; });
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
  function singulier(word) {
    if (word.length > 4 && word.slice(-3) === "aux") { return word.slice(0, -3) + "al"; }
    if (word.length > 3 && /[sx]$/.test(word) && word.slice(-2) !== "ss") { return word.slice(0, -1); }
    return word;
  }
  function light(word) { return singulier(masculin(word)); }
  function stem(word) { return lunr.fr ? lunr.fr.stemmer(new lunr.Token(light(word))).toString() : light(word); }
  // A word being typed may stop inside a feminine ending (« éducatri »): also try the masculine
  // ending cut at the same length (« éducateu »).
  function prefixes(word) {
    var found = [word, light(word)];
    data.genre.forEach(function (pair) {
      for (var k = 1; k <= pair[0].length; k++) {
        if (word.length > k + 2 && word.slice(-k) === pair[0].slice(0, k)) {
          found.push(word.slice(0, -k) + pair[1].slice(0, k));
        }
      }
    });
    return found.filter(function (w, i) { return found.indexOf(w) === i; });
  }

  // --- the query: words and synonym phrases, each one required ---
  // A word just begun (one or two letters, not an abbreviation of the synonyms file) after other
  // words does not count yet: its thousands of completions would flood the list for a keystroke
  // (« intervenante co »).
  function begun(words, typing) {
    var last = words[words.length - 1];
    return typing && words.length > 1 && last.length < 3 && /^[a-z]+$/.test(last) && !has(data.synonymes, light(last));
  }
  // `words`: the query's words, split, the one just begun left out.
  function units(words, typing) {
    var found = [];
    var longest = data.longest;
    for (var i = 0; i < words.length;) {
      var matched = false;
      for (var size = Math.min(longest, words.length - i); size > 0; size--) {
        var key = words.slice(i, i + size).map(light).join(" ");
        if (has(data.synonymes, key)) {
          found.push({ concept: data.synonymes[key], words: words.slice(i, i + size) });
          i += size;
          matched = true;
          break;
        }
      }
      if (matched) { continue; }
      if (!stop[words[i]]) {
        found.push({ word: words[i], words: [words[i]], partial: typing && i === words.length - 1 });
      }
      i++;
    }
    return found;
  }
  // `titled` (title parts only): {ref: true} for a match held by the title itself.
  function run(index, unit, conceptFields, wordFields, stemmed, titled) {
    var scores = Object.create(null);
    index.query(function (q) {
      if (unit.concept) {
        q.term(unit.concept, { fields: conceptFields, usePipeline: false });
        return;
      }
      var term = stemmed ? stem(unit.word) : light(unit.word);
      q.term(term, { fields: wordFields, usePipeline: false, boost: 10 });
      // Typos and words being typed: in titles only (in the text, a prefix or a near word
      // matches thousands of profiles at 10,000, for matches listed below anyway).
      if (!titled) { return; }
      // From 7 letters: a shorter word has too many neighbours one letter away (« ferme » and
      // « femme », « argent » and the 58 « agent » titles); a shorter typo is respelt once nothing
      // is found.
      if (unit.word.length >= 7) {
        q.term(term, { fields: wordFields, usePipeline: false, editDistance: 1, boost: 2 });
      }
      if (unit.partial && unit.word.length >= 2) {
        // Two letters start words of thousands of other titles at 10,000 profiles: the titles
        // themselves only, until the third letter.
        var where = unit.word.length < 3 ? ["titre"] : wordFields;
        prefixes(unit.word).forEach(function (prefix) {
          q.term(prefix, { fields: where, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 4 });
        });
      }
    }).forEach(function (match) {
      scores[match.ref] = match.score;
      // Held by the title itself: ranks above a match in another title (a rare word completed
      // from an other title, « intervention », would otherwise outweigh « intervenant »).
      var metadata = match.matchData.metadata;
      if (titled && Object.keys(metadata).some(function (term) { return has(metadata[term], "titre") || has(metadata[term], "concepts_titre"); })) {
        titled[match.ref] = true;
      }
    });
    return scores;
  }

  // --- the files: each fetched once, when a query first needs it ---
  var loaded = Object.create(null);  // file name → the promise of its content
  var ready = Object.create(null);  // file name → its content (a part: a lunr index)
  // Files the page's head started fetching and parsing (recherche.html), each used once.
  var prefetched = window.FaisLeSautPrefetch || {};
  // XMLHttpRequest rather than fetch(): measured on a cold search page, fetch()'s body reaches
  // the page after its load events, XHR's with its own load event (first list ~20 ms sooner).
  function json(name) {
    return new Promise(function (resolve, reject) {
      var request = new XMLHttpRequest();
      request.open("GET", base + "/" + name);
      request.responseType = "json";
      request.onload = function () {
        if (request.status === 200 && request.response) { resolve(request.response); } else { reject(new Error(name + " : " + request.status)); }
      };
      request.onerror = function () { reject(new Error(name)); };
      request.send();
    });
  }
  function get(name, then) {
    if (!loaded[name]) {
      var started = prefetched[name];
      delete prefetched[name];
      loaded[name] = (started || json(name)).then(function (value) { ready[name] = then ? then(value) : value; return ready[name]; });
      loaded[name].catch(function () { delete loaded[name]; });  // fetched again next time
    }
    return loaded[name];
  }
  function keyOf(term) { var c = term.charAt(0); return /[a-z0-9]/.test(c) ? c : "_"; }
  function part(kind, key) {
    var name = has(data.fichiers[kind], key) ? data.fichiers[kind][key] : null;
    return name ? ready[name] || null : null;  // no file: no term starts with that letter
  }
  function packet(ref) { return data.fichiers.fiches[Math.floor(ref / data.paquet)]; }
  // Records come in packets, or with a title part that answers few profiles (build.py CARRIED):
  // then a first list is drawn from the files its words fetched.
  var carried = Object.create(null);  // ref → record
  function record(ref) { return carried[ref] || ready[packet(ref)][ref % data.paquet]; }
  // The records of these results not at hand yet (a few small files).
  function records(refs) {
    var names = Object.create(null);
    refs.forEach(function (ref) { if (!carried[ref]) { names[packet(ref)] = true; } });
    return Promise.all(Object.keys(names).map(function (name) { return get(name); }));
  }
  function textReady() { return wantText && !!lunr.fr; }

  // --- the query: the words left once a NOC code is taken out ---
  function query(params) {
    var value = (params.q || "").slice(0, MAX_QUERY);
    var code = (params.cnp || "").replace(/\D/g, "").slice(0, 5);
    if (!code && /^\s*\d{1,5}\s*$/.test(value)) { code = value.trim(); value = ""; }
    // A NOC code written among words (« éducatrice 42202 », « cuisinier 6322 ») filters by code.
    var written = code ? null : value.match(/(^|\s)(\d{4,5})(?=\s|$)/);
    if (written) { code = written[2]; value = value.replace(written[0], " "); }
    var typing = !!value && !/\s$/.test(value);
    var words = split(value);
    if (begun(words, typing)) { words.pop(); typing = false; }
    return {
      value: value,
      code: code,
      found: units(words, typing),
      // The words in order, for the bonus of a title holding them in a row.
      words: words.filter(function (w) { return !stop[w]; }).map(light)
    };
  }
  // The files a query needs: the parts of its words' initials (and of the synonyms), the codes,
  // the sectors.
  function prepare(params, withText) {
    var q = query(params), keys = Object.create(null), names = [];
    q.words.forEach(function (w) { keys[keyOf(w)] = true; });
    if (q.found.some(function (u) { return u.concept; })) { keys._ = true; }
    ["titres"].concat(withText ? ["textes"] : []).forEach(function (kind) {
      Object.keys(keys).forEach(function (key) {
        if (has(data.fichiers[kind], key)) { names.push(get(data.fichiers[kind][key], expand)); }
      });
    });
    if (q.code) { names.push(get(data.fichiers.codes)); }
    if (params.secteur) { names.push(get(data.fichiers.secteurs)); }
    return Promise.all(names);
  }
  // Per unit: {ref: score} in its title part, and in its text part once loaded.
  function matches(found, withText) {
    return found.map(function (unit) {
      var key = unit.concept ? "_" : keyOf(light(unit.word));
      var titres = part("titres", key), textes = withText ? part("textes", key) : null;
      var titled = Object.create(null), none = Object.create(null);
      return {
        quick: titres ? run(titres, unit, ["concepts_titre", "concepts"], ["titre", "appellations"], false, titled) : none,
        titled: titled,
        text: textes ? mergeScores(run(textes, unit, ["concepts_resume", "concepts_corps"], ["resume"], false),
          run(textes, unit, [], ["corps"], true)) : none
      };
    });
  }
  function mergeScores(a, b) {
    var out = Object.create(null);
    [a, b].forEach(function (m) { Object.keys(m).forEach(function (k) { out[k] = (out[k] || 0) + m[k]; }); });
    return out;
  }

  // --- codes: NOC 2021 (5 digits), NOC 2016 (4, official concordance), a part (1-3) ---
  // A code's profiles, the representative first.
  function codeRefs(code) {
    var table = ready[data.fichiers.codes];
    var refsOf = function (c) { return has(table.codes, c) ? table.codes[c] : []; };
    var all = function (codes) { return [].concat.apply([], codes.map(refsOf)); };
    if (code.length === 5) { return refsOf(code); }
    if (code.length === 4) { return has(table.concordance, code) ? all(table.concordance[code]) : []; }
    return all(Object.keys(table.codes).filter(function (c) { return c.indexOf(code) === 0; }).sort());
  }
  // The profiles whose title holds every pair of consecutive query words (« maison_jeune »).
  function inARow(words) {
    var kept = null;
    for (var i = 0; i + 1 < words.length; i++) {
      var index = part("titres", keyOf(words[i])), pair = words[i] + "_" + words[i + 1], found = Object.create(null);
      if (index) {
        index.query(function (q) { q.term(pair, { fields: ["paires"], usePipeline: false }); })
          .forEach(function (match) { if (!kept || kept[match.ref]) { found[match.ref] = true; } });
      }
      kept = found;
    }
    return kept || Object.create(null);
  }

  // Needs the files `prepare` fetched for the same params.
  function search(params, withText) {
    var q = query(params), found = q.found, code = q.code;
    var sectorRefs = params.secteur ? ready[data.fichiers.secteurs][data.secteurs.indexOf(params.secteur)] || [] : null;
    var inSector = Object.create(null);
    (sectorRefs || []).forEach(function (ref) { inSector[ref] = true; });
    var kept = function (ref) { return !sectorRefs || inSector[ref]; };
    var result = { primary: [], secondary: [], partial: false, code: code, units: found };
    var allowed = null;
    if (code) {
      var refs = codeRefs(code);
      var concordance = ready[data.fichiers.codes].concordance;
      result.note = code.length === 4 && has(concordance, code) ? concordance[code] : null;
      allowed = Object.create(null);
      refs.forEach(function (ref, rank) { allowed[ref] = refs.length - rank; });
      if (!found.length) {
        result.primary = refs.filter(kept);
        return result;
      }
    }
    if (!found.length) {
      if (sectorRefs) { result.primary = sectorRefs.slice(); }
      return result;
    }
    var perUnit = matches(found, withText);
    var candidates = Object.create(null);
    perUnit.forEach(function (m) {
      [m.quick, m.text].forEach(function (scores) { Object.keys(scores).forEach(function (ref) { candidates[ref] = true; }); });
    });
    // First list: scored on titles only, so the text's arrival never reorders it.
    var titleScore = Object.create(null), totals = Object.create(null), quickAll = [], anyAll = [], hits = Object.create(null);
    var byTitle = Object.create(null);
    Object.keys(candidates).forEach(function (key) {
      var ref = Number(key);
      if ((allowed && !allowed[ref]) || !kept(ref)) { return; }
      var inQuick = 0, inAny = 0, quickScore = 0, score = 0, inTitle = 0;
      perUnit.forEach(function (m) {
        var s = m.quick[ref] || 0, t = m.text[ref] || 0;
        if (s) { inQuick++; }
        if (m.titled[ref]) { inTitle++; }
        if (s || t) { inAny++; }
        quickScore += s;
        score += s * 10 + t;
      });
      titleScore[ref] = quickScore;
      totals[ref] = score;
      hits[ref] = inAny;
      byTitle[ref] = inTitle === perUnit.length;
      if (inQuick === perUnit.length) { quickAll.push(ref); } else if (inAny === perUnit.length) { anyAll.push(ref); }
    });
    // A title that holds the query's words in a row (« maison de jeunes ») comes first.
    if (q.words.length > 1) {
      var row = inARow(q.words);
      quickAll.concat(anyAll).forEach(function (ref) {
        if (row[ref]) { titleScore[ref] *= 2; totals[ref] *= 2; }
      });
    }
    var byScore = function (a, b) { return totals[b] - totals[a] || a - b; };
    // Profiles whose title holds every word first, then those found by another title.
    result.primary = quickAll.sort(function (a, b) { return byTitle[b] - byTitle[a] || titleScore[b] - titleScore[a] || a - b; });
    result.secondary = anyAll.sort(byScore);
    if (!result.primary.length && !result.secondary.length && found.length > 1) {
      var best = Math.max.apply(null, Object.keys(hits).map(function (k) { return hits[k]; }).concat([0]));
      if (best > 0) {
        result.partial = true;
        result.secondary = Object.keys(hits).filter(function (k) { return hits[k] === best; })
          .map(Number).sort(byScore).slice(0, 20);
      }
    }
    return result;
  }
  // The results of a query once every file it needs is in (records included).
  function settle(params) {
    var withText = textReady();
    return prepare(params, withText).then(function () {
      return withText ? respelt(params, search(params, true)) : search(params, false);
    }).then(function (result) {
      return records(result.primary.concat(result.secondary)).then(function () { return result; });
    });
  }
  function slugs(refs) { return refs.map(function (ref) { return record(ref)[0]; }); }
  window.FaisLeSaut = {
    results: function (q) {
      return settle({ q: q }).then(function (r) { return { primary: slugs(r.primary), secondary: slugs(r.secondary), partial: r.partial }; });
    },
    // For the benchmark: fetch what a query needs, then time the search alone.
    prepare: function (q) { return prepare({ q: q }, textReady()); },
    count: function (q, titlesOnly) { var r = search({ q: q }, !titlesOnly && textReady()); return r.primary.length + r.secondary.length; },
    normalize: function (words) { return words.map(function (w) { return [light(w), stem(w)]; }); },
    split: function (value) { return split(value); }
  };

  // --- rendering (text only: content can never inject markup) ---
  function el(tag, attrs, content) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (content) { node.textContent = content; }
    return node;
  }
  // The text with each word that matches a query word in <mark>.
  function profileUrl(doc) { return base + "/metiers/" + doc[0] + "/"; }
  function highlight(node, value, found) {
    var wanted = [];
    found.forEach(function (u) { u.words.forEach(function (w) { if (!stop[w]) { wanted.push(light(w)); } }); });
    var plain = "";  // the text between two marks, as one node (a card is drawn with few nodes)
    // Cut where split() cuts words (« Aide-cuisinier·ère », « d'aide »): each word marked alone.
    value.split(TOKENS).forEach(function (part) {
      var word = split(part)[0], l = word ? light(word) : "";
      if (l && wanted.some(function (w) { return l === w || (w.length >= 3 && l.indexOf(w) === 0); })) {
        if (plain) { node.appendChild(document.createTextNode(plain)); plain = ""; }
        node.appendChild(el("mark", {}, part));
      } else {
        plain += part;
      }
    });
    if (plain) { node.appendChild(document.createTextNode(plain)); }
    return node;
  }
  function card(ref, found) {
    var doc = record(ref);
    var li = el("li", { "class": "card", "data-cnp": doc[2] });
    var h = el("h2", { "class": "card-title" });
    var link = el("a", { href: profileUrl(doc) });
    highlight(link, doc[1], found);
    h.appendChild(link);
    li.appendChild(h);
    var meta = el("p", { "class": "card-meta" });
    meta.appendChild(el("a", { "class": "code-badge", href: base + "/cnp/" + doc[2] + "/" }, "CNP " + doc[2]));
    if (doc[3].length) { meta.appendChild(el("span", { "class": "code-old" }, " (CNP 2016 : " + doc[3].join(", ") + ")")); }
    li.appendChild(meta);
    li.appendChild(highlight(el("p", { "class": "card-resume" }), doc[5], found));
    var chips = el("ul", { "class": "chips", "aria-label": "Secteurs" });
    doc[4].forEach(function (position) {
      var slug = data.secteurs[position];
      var item = el("li");
      item.appendChild(el("a", { "class": "chip", href: base + "/secteurs/" + slug + "/" }, sectorNames[slug] || slug));
      chips.appendChild(item);
    });
    li.appendChild(chips);
    return li;
  }
  function emptyState() {
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
  function plural(n, one, many) { return n + " " + (n > 1 ? many : one); }
  // The records a first drawing of these results needs.
  function firstRefs(result) { return result.primary.slice(0, PAGE).concat(result.secondary.slice(0, SHOWN)); }
  // The first `shown` cards, then a button that fetches and adds the others (focus on the first
  // one added, so a keyboard reader goes on from there).
  function cards(target, refs, shown, units) {
    refs.slice(0, shown).forEach(function (ref) { target.appendChild(card(ref, units)); });
    if (refs.length <= shown) { return; }
    var rest = refs.slice(shown);
    var li = el("li", { "class": "voir-plus" });
    var button = el("button", { type: "button", "class": "bouton-secondaire" }, "Afficher " + plural(rest.length, "autre métier", "autres métiers"));
    button.addEventListener("click", function () {
      button.disabled = true;
      records(rest).then(function () {
        var added = rest.map(function (ref) { return target.insertBefore(card(ref, units), li); });
        li.remove();
        added[0].querySelector("a").focus();
      }, function () { button.disabled = false; });
    });
    li.appendChild(button);
    target.appendChild(li);
  }
  var drawnFirst = null;
  function render(result, params) {
    // The same first list as drawn already (the text's matches arriving): kept as it is, so
    // nothing moves and a focused result stays focused.
    var first = JSON.stringify([params.q, params.cnp, params.secteur, result.primary]);
    var keep = result.primary.length && first === drawnFirst;
    drawnFirst = first;
    if (!keep) { list.textContent = ""; }
    more.textContent = "";
    moreTitle.hidden = true;
    var unknown = unknownSector ? "Secteur « " + unknownSector + " » inconnu : recherche dans tous les secteurs. " : "";
    if (!(params.q || params.cnp || params.secteur)) { count.textContent = unknown.replace(/ : .*/, "."); return; }
    if (!keep) { cards(list, result.primary, PAGE, result.units); }
    // Matches in the text come below, ten at first: a word used in many texts never floods.
    cards(more, result.secondary, SHOWN, result.units);
    if (result.secondary.length) {
      moreTitle.hidden = false;
      moreTitle.textContent = result.partial
        ? "Aucun métier ne contient tous ces mots ; voici les plus proches"
        : plural(result.secondary.length, "autre métier en parle dans sa description", "autres métiers en parlent dans leur description");
    }
    var n = result.primary.length;
    if (!n && !result.secondary.length) { list.appendChild(emptyState()); }
    var line = n === 0 ? "Aucun métier trouvé par son titre" : plural(n, "métier trouvé", "métiers trouvés");
    if (!n && !result.secondary.length) { line = "Aucun métier trouvé"; }
    if (result.note) { line += " (code CNP 2016 " + result.code + " → CNP 2021 " + result.note.join(", ") + ")"; }
    if (result.instead) {
      line = "Aucun métier trouvé pour « " + result.instead.from + " » ; voici les résultats pour « " + result.instead.to + " » : " + line;
    }
    count.textContent = unknown + line;
  }

  // --- state in the URL: ?q=…&cnp=…&secteur=… ---
  function read() {
    return { q: fields.q.value.slice(0, MAX_QUERY), cnp: fields.cnp.value.trim(), secteur: fields.secteur.value };
  }
  function writeUrl(params) {
    var query = new URLSearchParams();
    ["q", "cnp", "secteur"].forEach(function (k) { if (params[k] && params[k].trim()) { query.set(k, params[k].trim()); } });
    var url = location.pathname + (query.toString() ? "?" + query.toString() : "");
    if (url !== location.pathname + location.search) { history.replaceState(null, "", url); }  // a call costs a few ms
  }
  // Draws the results once their files are in: first from the title parts (final), then, when
  // the reader is at the form, with the text parts (added below). A newer query wins.
  var generation = 0;
  function failed() {
    count.textContent = "La recherche n'a pas pu être chargée. Utilise les liens ci-dessous pour parcourir les métiers.";
  }
  function draw(params, withText, token) {
    function show(result) {
      return records(firstRefs(result)).then(function () {
        if (token !== generation) { return; }
        writeUrl(params);
        render(result, params);
        form.setAttribute("data-ready", "true");
        if (withText) { form.setAttribute("data-complete", "true"); } else { form.removeAttribute("data-complete"); }
      });
    }
    return prepare(params, withText).then(function () {
      if (token !== generation) { return; }
      var result = search(params, withText);
      if (withText) { return respelt(params, result).then(function (r) { if (token === generation) { return show(r); } }); }
      if (params.q && (nothing(result) || result.partial)) { startText(); }  // the text may know the words
      return show(result);
    });
  }
  function nothing(result) { return !result.primary.length && !result.secondary.length; }
  // Nothing found, or no profile with every word, text included: the nearest spelling of title
  // words is searched instead (and said so) when it finds profiles with every word.
  function respelt(params, result) {
    if (!params.q || !(nothing(result) || result.partial)) { return Promise.resolve(result); }
    return spelling(params.q).then(function (value) {
      if (!value) { return result; }
      var fixed = { q: value, cnp: params.cnp, secteur: params.secteur };
      return prepare(fixed, true).then(function () {
        var other = search(fixed, true);
        if (nothing(other) || other.partial) { return result; }
        other.instead = { from: params.q.trim(), to: value };
        return other;
      });
    });
  }
  // The words of titles (mots.json, fetched once a search finds nothing), with the feminine of
  // each (« animatrice » for « animateur »): each unknown word of 4 letters or more becomes the
  // nearest one, 1 letter apart (2 from 6 letters) or sounding the same give or take one letter,
  // the first letter included (the parts are cut by it: « vuisinier » never reaches « cuisinier »
  // otherwise).
  function spelling(value) {
    var name = data.fichiers.mots;
    if (!name) { return Promise.resolve(null); }
    return get(name).then(function (words) {
      var forms = lexicon(words), known = Object.create(null), changed = false;
      forms.forEach(function (f) { known[f[0]] = true; });
      // Each word of the reader's text in turn; the rest (accents, case, spaces) as written.
      var fixed = value.trim().split(TOKENS).map(function (written, i) {
        var word = i % 2 ? "" : split(written)[0] || "", l = light(word), best = null, limit = l.length < 6 ? 1 : 2;
        if (!word || stop[word] || l.length < 4 || /\d/.test(l) || known[l]) { return written; }
        var heard = sound(word), least = limit + 1;
        forms.forEach(function (f) {
          // A wrong first letter is the one typo allowed (« barista » is not « cariste »).
          var same = f[0].charAt(0) === l.charAt(0);
          var d = Math.min(within(l, f[0], same ? least - 1 : Math.min(1, least - 1)),
            f[2].charAt(0) === heard.charAt(0) ? within(heard, f[2], Math.min(1, least - 1)) : Infinity);
          if (d < least) { best = f[1]; least = d; }
        });
        if (best) { changed = true; }
        return best || written;
      }).join("");
      return changed ? fixed : null;
    });
  }
  // [form, as written, sound] of each title word and of its feminine, worked out once.
  var FEMININE_WRITTEN = { iere: "ière", ere: "ère", ee: "ée" };
  var lexiconForms = null;
  function lexicon(words) {
    if (lexiconForms) { return lexiconForms; }
    var forms = [];
    words.forEach(function (w) {
      forms.push([w[0], w[1], sound(w[0])]);
      for (var i = 0; i < data.genre.length; i++) {
        var fem = data.genre[i][0], masc = data.genre[i][1];
        if (w[0].length > masc.length + 2 && w[0].slice(-masc.length) === masc) {
          var form = w[0].slice(0, -masc.length) + fem;
          var written = fold(w[1]).slice(-masc.length) === masc ? w[1].slice(0, -masc.length) + (FEMININE_WRITTEN[fem] || fem) : form;
          forms.push([form, written, sound(form)]);
          break;
        }
      }
    });
    lexiconForms = forms;
    return forms;
  }
  // How a word sounds, roughly: the spellings of one French sound made one (« ph » and « f »,
  // « c » before e or i and « s », « au » and « o », doubled letters, a silent last letter…), for
  // a reader who writes a word as it is said (« sicologue », « chofeur », « animatrisse »).
  function sound(word) {
    return word.replace(/ps[iy]ch/g, "psik").replace(/^ps/, "s").replace(/ph/g, "f").replace(/th/g, "t")
      .replace(/s?ch/g, "C").replace(/gu(?=[eiy])/g, "g").replace(/ge(?=[aou])/g, "j").replace(/g(?=[eiy])/g, "j")
      .replace(/qu|ck|cq/g, "k").replace(/c(?=[eiy])/g, "s").replace(/c/g, "k").replace(/h/g, "").replace(/y/g, "i")
      .replace(/eau|au/g, "o").replace(/ai|ei/g, "e").replace(/t(?=ion)/g, "s").replace(/([a-z])\1+/g, "$1")
      .replace(/(er|ez|et)$/, "e").replace(/(.{3})[stdx]$/, "$1");
  }
  function within(a, b, limit) { var d = distance(a, b, limit); return d <= limit ? d : Infinity; }
  // Letters inserted, deleted, replaced or swapped (two side by side), up to `limit` (then more).
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var before = null, previous = [], current = [], i, j;
    for (j = 0; j <= b.length; j++) { previous[j] = j; }
    for (i = 1; i <= a.length; i++) {
      current = [i];
      var least = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          current[j] = Math.min(current[j], before[j - 2] + 1);
        }
        least = Math.min(least, current[j]);
      }
      if (least > limit) { return limit + 1; }
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }
  function update(drawn) {
    if (!data) { return; }
    var params = read(), token = ++generation;
    var step = draw(params, false, token);
    if (drawn) { step = step.then(function () { if (token === generation) { drawn(); } }); }
    if (textReady()) { step = step.then(function () { if (token === generation) { return draw(params, true, token); } }); }
    step.catch(failed);
  }
  var timer = null;
  function later() { clearTimeout(timer); timer = setTimeout(update, 120); }

  // The search in the address; a field the reader filled in before this script ran is kept.
  var initial = new URLSearchParams(location.search);
  ["q", "cnp", "secteur"].forEach(function (k) {
    if (initial.has(k)) { fields[k].value = initial.get(k).slice(0, MAX_QUERY); }
  });
  // A sector the menu does not know (a link mistyped or from an older site): every sector, said.
  var unknownSector = fields.secteur.selectedIndex < 0 ? initial.get("secteur").slice(0, 80) : null;
  if (unknownSector) { fields.secteur.value = ""; }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);  // the typing's pending update would draw the same list again
    // On a phone, the results come into view once the search is sent and they are drawn.
    update(function () {
      if (window.matchMedia("(max-width: 48rem)").matches) { count.scrollIntoView({ block: "start" }); }
    });
  });
  fields.q.addEventListener("input", later);
  fields.cnp.addEventListener("input", later);
  fields.secteur.addEventListener("change", function () { unknownSector = null; update(); });

  // --- suggestions while typing: the titles and other titles holding the words typed (the last
  // one as a prefix), among the first title matches, in a WAI-ARIA combobox (APG « combobox with
  // listbox popup », list autocomplete); Enter without a chosen suggestion searches. ---
  var SUGGESTED = window.matchMedia("(max-width: 48rem)").matches ? 6 : 8;
  var input = fields.q;
  var popup = el("ul", { id: "recherche-suggestions", role: "listbox", "aria-label": "Suggestions de métiers", "class": "suggestions" });
  var spoken = el("p", { "class": "visuellement-cache", role: "status", "aria-live": "polite" });
  var shown = [], active = -1, waiting = false, speech = null;
  popup.hidden = true;
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", popup.id);
  input.parentNode.appendChild(popup);
  input.parentNode.appendChild(spoken);

  // Every earlier word is one of the name's words; the last one starts one of them.
  function fits(name, whole, last) {
    var starts = function (word) { return last.some(function (p) { return word[0].indexOf(p) === 0 || word[1].indexOf(p) === 0; }); };
    return whole.every(function (w) { return name.words.some(function (word) { return word[1] === w; }); }) && name.words.some(starts);
  }
  // How much of a name's word the words typed cover: 0, the prefix's length, or all of it.
  function reach(word, whole, last) {
    if (whole.indexOf(word[1]) >= 0) { return Infinity; }
    var n = 0;
    last.forEach(function (p) { if (word[0].indexOf(p) === 0) { n = Math.max(n, p.length); } });
    if (!n && last.some(function (p) { return word[1].indexOf(p) === 0; })) { n = Infinity; }
    return n;
  }
  function marked(node, text, whole, last) {
    text.split(TOKENS).forEach(function (part) {
      var word = split(part)[0];
      var n = word ? reach([word, light(word)], whole, last) : 0;
      var cut = part.length;
      for (var i = 1; n && n !== Infinity && i < part.length; i++) {
        if (fold(part.slice(0, i)).replace(/^[^0-9a-z]+/, "").length >= n) { cut = i; break; }
      }
      if (n) { node.appendChild(el("mark", {}, part.slice(0, cut))); }
      if (!n || cut < part.length) { node.appendChild(document.createTextNode(n ? part.slice(cut) : part)); }
    });
    return node;
  }
  function option(name, i, whole, last) {
    var doc = record(name.ref);
    var item = el("li", { id: popup.id + "-" + i, role: "option", "class": "suggestion", "data-href": profileUrl(doc) });
    item.appendChild(marked(el("span", { "class": "suggestion-titre" }), doc[1], whole, last));
    if (name.other) {
      item.appendChild(marked(el("span", { "class": "suggestion-autre" }, "Aussi appelé : "), name.text, whole, last));
    }
    return item;
  }
  function say(message) {
    clearTimeout(speech);  // once the typing pauses: never a word per key
    speech = setTimeout(function () { spoken.textContent = message; }, message ? 500 : 0);
  }
  function close() {
    asked++;  // a list still being worked out is not shown
    busy = false;
    popup.hidden = true;
    popup.textContent = "";
    shown = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    say("");
  }
  // Names of the first title matches, each split once: {ref, text, other, words: [[word, light]]}.
  function namesOf(refs) {
    var names = [];
    refs.forEach(function (ref) {
      var doc = record(ref);
      [doc[1]].concat(doc[6] || []).forEach(function (text, i) {
        var words = split(text).map(function (w) { return [w, light(w)]; });
        if (words.length) { names.push({ ref: ref, text: String(text), other: i > 0, words: words }); }
      });
    });
    return names;
  }
  // `pending`: the list being worked out (its files may still be on the way).
  var asked = 0, busy = false, pending = Promise.resolve();
  function suggest() {
    var words = split(input.value), token = ++asked;
    waiting = !data;
    if (!data || input.value.trim().length < 2 || !words.length) { close(); return; }
    busy = true;
    // No title holds the words: the titles of their nearest spelling, as the results would show.
    pending = titled(input.value).then(function (found) {
      if (found.refs.length || token !== asked) { return found; }
      return spelling(input.value).then(function (value) { return value && token === asked ? titled(value) : found; });
    }).then(function (found) {
      if (token === asked) { show(namesOf(found.refs), split(found.value), found.value === input.value ? null : found.value); }
    }).catch(close).then(function () { if (token === asked) { busy = false; } });
  }
  // The first title matches of a text, their records fetched: {value, refs}.
  function titled(value) {
    var params = { q: value };
    return prepare(params, false).then(function () {
      var refs = search(params, false).primary.slice(0, SUGGESTED * 4);
      return records(refs).then(function () { return { value: value, refs: refs }; });
    });
  }
  // `instead`: the nearest spelling the names were found for (said, not only highlighted).
  function show(names, words, instead) {
    var whole = words.slice(0, -1).filter(function (w) { return !stop[w]; }).map(light);
    var last = prefixes(words[words.length - 1]);
    var best = Object.create(null);
    names.forEach(function (name) {
      if (!fits(name, whole, last)) { return; }
      // A title before another title; a name that starts with the words typed first.
      var rank = (name.other ? 2 : 0) + (reach(name.words[0], whole, last) ? 0 : 1);
      var kept = best[name.ref];
      if (!kept || rank < kept.rank || (rank === kept.rank && name.text.length < kept.name.text.length)) {
        best[name.ref] = { name: name, rank: rank };
      }
    });
    var found = Object.keys(best).map(function (ref) { return best[ref]; }).sort(function (a, b) {
      return a.rank - b.rank || a.name.text.length - b.name.text.length || a.name.text.localeCompare(b.name.text, "fr");
    }).slice(0, SUGGESTED);
    if (!found.length) { close(); return; }
    popup.textContent = "";
    shown = found.map(function (kept) { return kept.name; });
    shown.forEach(function (name, i) { popup.appendChild(option(name, i, whole, last)); });
    active = -1;
    input.removeAttribute("aria-activedescendant");
    popup.hidden = false;
    input.setAttribute("aria-expanded", "true");
    say(plural(shown.length, "suggestion", "suggestions") + (instead ? " pour « " + instead + " »" : "") + " ; flèches haut et bas pour choisir");
  }
  function pick(i) {
    if (active >= 0) { popup.children[active].removeAttribute("aria-selected"); }
    active = i;
    var item = popup.children[i];
    item.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", item.id);
    item.scrollIntoView({ block: "nearest" });
  }
  function go(i) {
    var href = popup.children[i].getAttribute("data-href");
    close();
    location.assign(href);
  }
  input.addEventListener("input", suggest);
  input.addEventListener("blur", close);
  form.addEventListener("submit", close);  // the results, not the suggestions, once searched
  window.addEventListener("pageshow", close);  // back from a profile: no list left open
  input.addEventListener("keydown", function (event) {
    if (event.isComposing || event.ctrlKey || event.metaKey) { return; }
    var key = event.key;
    if (key === "ArrowDown" || key === "ArrowUp") {
      event.preventDefault();
      var down = key === "ArrowDown", alt = event.altKey;
      if (popup.hidden && !busy) { suggest(); }
      // Once the list being worked out (if any) is shown: the arrow applies to it.
      pending.then(function () {
        if (popup.hidden || alt) { return; }  // Alt + ↓ only opens the list
        var n = shown.length;
        // Wraps around: from the last option to the first, and back.
        pick(active < 0 ? (down ? 0 : n - 1) : (active + (down ? 1 : n - 1)) % n);
      });
    } else if (key === "Escape") {
      if (!popup.hidden) {
        event.preventDefault();
        close();
      } else if (input.value) {  // a second Escape empties the field (and the results)
        event.preventDefault();
        input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    } else if (key === "Enter") {
      if (!popup.hidden && active >= 0) {
        event.preventDefault();
        go(active);
      } else {
        close();  // the form is sent as before
      }
    }
  });
  // A press on an option keeps the focus in the field (no blur to close the list under it).
  popup.addEventListener("mousedown", function (event) { event.preventDefault(); });
  popup.addEventListener("click", function (event) {
    var item = event.target.closest("[role=option]");
    if (item) { go(Array.prototype.indexOf.call(popup.children, item)); }
  });

  // lunr.js drops nothing it is given: the files leave out empty postings.
  function expand(serialized) {
    var fiches = serialized.fiches || {};
    Object.keys(fiches).forEach(function (ref) { carried[ref] = fiches[ref]; });
    serialized.invertedIndex.forEach(function (entry) {
      serialized.fields.forEach(function (field) { if (!entry[1][field]) { entry[1][field] = {}; } });
    });
    return lunr.Index.load(serialized);
  }
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }
  count.textContent = "Chargement de l'index de recherche…";
  // The first file's data, put before this code in the same script (publish.py engine()).
  var first = window.FaisLeSautMeta;
  (first ? Promise.resolve(first) : Promise.reject(new Error("FaisLeSautMeta"))).then(function (meta) {
    data = meta;
    stop = Object.create(null);
    data.stopwords.forEach(function (w) { stop[w] = true; });
    data.longest = Math.max.apply(null, Object.keys(data.synonymes).map(function (k) { return k.split(" ").length; }).concat([1]));
    count.textContent = "";
    update();
    if (waiting && document.activeElement === input) { suggest(); }  // typed before the file came
    // The French stemmer, then the text parts (listed below, never reordering), once the reader
    // turns to the form or the page has been quiet a few seconds.
    var started = false;
    startText = loadText;
    function loadText() {
      if (started) { return; }
      started = true;
      var vendor = base + "/theme/js/vendor/";
      loadScript(vendor + "lunr.stemmer.support.min.js").then(function () { return loadScript(vendor + "lunr.fr.min.js"); })
        .then(function () {
          wantText = true;
          update();
        });
    }
    ["focusin", "input", "pointerdown"].forEach(function (name) { form.addEventListener(name, loadText); });
    setTimeout(loadText, 5000);
  }).catch(failed);
}());
