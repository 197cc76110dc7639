// Share a profile: "Copier le lien" and "Imprimer la fiche" (macros/share.html).
// Progressive enhancement: the buttons stay hidden without JavaScript; every result is written
// in the role="status" line, which screen readers announce.
(function () {
  "use strict";
  var zone = document.querySelector("[data-partage]");
  if (!zone) return;
  var url = zone.getAttribute("data-url");
  var status = zone.querySelector(".partage-statut");
  var copy = zone.querySelector("[data-copier]");

  function say(message) {
    status.textContent = message;
  }

  // Without clipboard access (old browser, permission refused), show the link selected so that
  // Ctrl+C (or a long press) copies it.
  function showLink() {
    var field = zone.querySelector(".partage-lien");
    if (!field) {
      field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.className = "partage-lien";
      field.setAttribute("aria-label", "Lien de la fiche");
      field.value = url;
      zone.insertBefore(field, status);
    }
    field.focus();
    field.select();
    say("Copie automatique impossible : le lien est sélectionné, copie-le avec Ctrl+C.");
  }

  copy.addEventListener("click", function () {
    if (!navigator.clipboard || !navigator.clipboard.writeText) {
      showLink();
      return;
    }
    navigator.clipboard.writeText(url).then(function () {
      say("Lien copié : " + url);
    }, showLink);
  });

  zone.querySelector("[data-imprimer]").addEventListener("click", function () {
    window.print();
  });

  // « Ma sélection »: slugs kept in this browser only (localStorage), nothing is sent.
  var slug = zone.getAttribute("data-slug");
  var toggle = zone.querySelector("[data-selection]");
  var KEY = "faislesaut-selection";
  function stored() {
    try {
      var value = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(value) ? value.filter(function (s) { return typeof s === "string"; }) : [];
    } catch (error) { return []; }
  }
  function showState() {
    var chosen = stored().indexOf(slug) >= 0;
    toggle.setAttribute("aria-pressed", chosen ? "true" : "false");
    toggle.textContent = chosen ? "Retirer de ma sélection" : "Ajouter à ma sélection";
  }
  if (toggle && slug) {
    showState();
    toggle.addEventListener("click", function () {
      var list = stored();
      var at = list.indexOf(slug);
      if (at >= 0) { list.splice(at, 1); } else { list.push(slug); }
      try { localStorage.setItem(KEY, JSON.stringify(list)); } catch (error) { say("Ce navigateur ne garde pas de sélection."); return; }
      showState();
      say(at >= 0 ? "Fiche retirée de ta sélection." : "Fiche ajoutée à ta sélection (" + list.length + " en tout).");
    });
  }

  zone.hidden = false;
})();
