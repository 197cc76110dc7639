// /metiers/ filters: level of study, sector, interest, schedule; they combine, apply at once and
// live in the URL (?niveau=…&secteur=…&interet=…&horaire=…), so a filtered list can be shared.
(function () {
  "use strict";
  var form = document.getElementById("filtres");
  var status = document.getElementById("filtres-compte");
  if (!form || !status) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll(".lettre .card"));
  var sections = Array.prototype.slice.call(document.querySelectorAll(".lettre"));
  var letters = document.querySelector(".letters");
  var keys = { niveau: "niveaux", secteur: "secteurs", interet: "interets", horaire: "horaires" };

  function apply() {
    var wanted = {}, query = new URLSearchParams();
    Object.keys(keys).forEach(function (name) {
      var value = form.elements[name].value;
      if (value) { wanted[keys[name]] = value; query.set(name, value); }
    });
    var shown = 0;
    cards.forEach(function (card) {
      var ok = Object.keys(wanted).every(function (key) {
        return (card.getAttribute("data-" + key) || "").split(" ").indexOf(wanted[key]) >= 0;
      });
      card.hidden = !ok;
      if (ok) { shown++; }
    });
    sections.forEach(function (section) { section.hidden = !section.querySelector(".card:not([hidden])"); });
    var filtered = Object.keys(wanted).length > 0;
    letters.hidden = filtered;
    status.textContent = filtered
      ? (shown === 0 ? "Aucun métier ne correspond à tous ces filtres." : shown + (shown > 1 ? " métiers correspondent" : " métier correspond") + " à tes filtres.")
      : cards.length + " fiches métiers, classées par ordre alphabétique.";
    history.replaceState(null, "", location.pathname + (query.toString() ? "?" + query.toString() : ""));
  }
  var initial = new URLSearchParams(location.search);
  Object.keys(keys).forEach(function (name) {
    var value = initial.get(name) || "";
    var select = form.elements[name];
    if (Array.prototype.some.call(select.options, function (o) { return o.value === value; })) { select.value = value; }
    select.addEventListener("change", apply);
  });
  form.hidden = false;
  apply();
}());
