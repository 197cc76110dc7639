// « Ma sélection »: the profiles kept in this browser (localStorage), shared by URL
// (?fiches=a,b,c) and printed as one booklet: a cover listing the profiles with their codes and QR
// codes, then each fiche (taken from its own page, same site) starting on a new sheet.
(function () {
  "use strict";
  var KEY = "faislesaut-selection";
  var list = document.getElementById("selection-liste");
  var status = document.getElementById("selection-statut");
  var actions = document.getElementById("selection-actions");
  var booklet = document.getElementById("livret");
  if (!list || !status || !booklet) { return; }
  var profiles = JSON.parse(document.getElementById("selection-donnees").textContent);
  var base = location.pathname.replace(/\/ma-selection\/$/, "");

  function known(slug) { return Object.prototype.hasOwnProperty.call(profiles, slug); }
  function stored() {
    try {
      var value = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(value) ? value.filter(known) : [];
    } catch (error) { return []; }
  }
  function save(slugs) { try { localStorage.setItem(KEY, JSON.stringify(slugs)); } catch (error) { /* private mode */ } }
  function shareUrl(slugs) { return location.origin + base + "/ma-selection/?fiches=" + slugs.join(","); }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function render() {
    var slugs = stored();
    list.textContent = "";
    slugs.forEach(function (slug) {
      var li = el("li", { "class": "card" });
      var h = el("h2", { "class": "card-title" });
      h.appendChild(el("a", { href: base + "/metiers/" + slug + "/" }, profiles[slug][0]));
      li.appendChild(h);
      li.appendChild(el("p", { "class": "card-meta" }, "CNP " + profiles[slug][1]));
      var remove = el("button", { type: "button", "class": "bouton-secondaire retirer" }, "Retirer");
      remove.setAttribute("aria-label", "Retirer " + profiles[slug][0] + " de la sélection");
      remove.addEventListener("click", function () { save(stored().filter(function (s) { return s !== slug; })); render(); });
      li.appendChild(remove);
      list.appendChild(li);
    });
    status.textContent = slugs.length ? slugs.length + (slugs.length > 1 ? " fiches dans ta sélection." : " fiche dans ta sélection.")
      : "Ta sélection est vide.";
    actions.hidden = !slugs.length;
  }

  // The booklet: built from the profiles' own pages just before printing.
  function prepare() {
    var slugs = stored();
    return Promise.all(slugs.map(function (slug) {
      return fetch(base + "/metiers/" + slug + "/").then(function (r) { return r.text(); }).then(function (html) {
        return new DOMParser().parseFromString(html, "text/html").querySelector("article.metier");
      });
    })).then(function (articles) {
      booklet.textContent = "";
      var cover = el("section", { "class": "livret-couverture" });
      cover.appendChild(el("h1", {}, "Fais le saut : ma sélection de fiches métiers"));
      var items = el("ol", { "class": "livret-sommaire" });
      articles.forEach(function (article, i) {
        var item = el("li");
        item.appendChild(el("strong", {}, profiles[slugs[i]][0]));
        item.appendChild(document.createTextNode(" — CNP " + profiles[slugs[i]][1]));
        var qr = article && article.querySelector(".fiche-qr svg");
        if (qr) { item.appendChild(document.importNode(qr, true)); }
        items.appendChild(item);
      });
      cover.appendChild(items);
      booklet.appendChild(cover);
      articles.forEach(function (article) { if (article) { booklet.appendChild(document.importNode(article, true)); } });
    });
  }
  window.FaisLeSautSelection = { prepare: prepare };

  var fromUrl = new URLSearchParams(location.search).get("fiches");
  if (fromUrl) { save(fromUrl.split(",").filter(known)); }
  document.getElementById("selection-copier").addEventListener("click", function () {
    var url = shareUrl(stored());
    var done = function () { status.textContent = "Lien copié : " + url; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(done, function () { status.textContent = "Lien de la sélection : " + url; });
    } else { status.textContent = "Lien de la sélection : " + url; }
  });
  document.getElementById("selection-imprimer").addEventListener("click", function () { prepare().then(function () { window.print(); }); });
  document.getElementById("selection-vider").addEventListener("click", function () { save([]); render(); });
  render();
}());
