"""Tasks for Fais le saut: `invoke --list` shows them all."""

from __future__ import annotations

import datetime
import os
import shutil
import sys
import tempfile
import urllib.request
from pathlib import Path

from invoke import task

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT))

from plugins.content_model import scaffold  # noqa: E402
from plugins.content_model.build import Build, BuildStopped  # noqa: E402
from plugins.content_model.reference import NOC_FILES, Noc  # noqa: E402
from plugins.content_model.rules import annotations, report  # noqa: E402

# Where `invoke fetch-noc` takes the five NOC files from (a folder or a URL prefix): the
# committee's normalized copy of Statistics Canada's files (see data/README.md).
NOC_SOURCE = str(ROOT.parent / "shared" / "data" / "noc")
NOC_DIR = ROOT / "data" / "cnp"
CHROMIUM = "/usr/bin/chromium"
LIBERATION = "/usr/share/fonts/truetype/liberation"


@task
def npm(c):
    """Installer les paquets npm épinglés (lunr.js, lunr-languages, axe-core) au besoin."""
    marker = ROOT / "node_modules" / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    if not marker.exists() or marker.stat().st_mtime < lock.stat().st_mtime:
        c.run("npm ci --no-audit --no-fund --loglevel=error", pty=False)


@task(pre=[npm])
def build(c, settings="pelicanconf.py", output="output"):
    """Construire le site dans output/ (vérifié ; output/ n'est remplacé que si tout réussit)."""
    c.run(f"pelican content -s {settings} -o {output} --fatal errors", pty=False)


@task(pre=[npm])
def publish(c):
    """Construire le site de production (adresses absolues, fichiers compressés) dans output/."""
    build(c, settings="publishconf.py")


@task(help={"port": "port du serveur (8000)", "content": "dossier de contenu (content)"})
def serve(c, port=8000, content="content", liveport=35729, output="output"):
    """Prévisualiser le site sur http://127.0.0.1:<port>/ (reconstruit à chaque enregistrement)."""
    from livereload import Server

    from plugins.preview.session import Session

    cache = os.environ.get("FAIS_LE_SAUT_CACHE")
    # Builds in this process; after edits of existing profiles, only what they change is
    # rendered again. A bad edit prints the French problem list; the last good site stays served.
    session = Session(content, output, **({"CACHE_PATH": cache} if cache else {}))
    npm(c)
    session.build()
    server = Server()
    server.SFH = own_404_page()
    for path in (content, "theme", "data", "pelicanconf.py"):
        server.watch(path, session.build)
    print(f"Aperçu : http://127.0.0.1:{port}/ (Ctrl+C pour arrêter)")
    try:
        server.serve(root=output, host="127.0.0.1", port=int(port), liveport=int(liveport), restart_delay=0)
    finally:
        session.close()


def own_404_page():
    """livereload's file handler, answering a missing page with the site's own 404.html."""
    from livereload.handlers import StaticFileHandler

    class Handler(StaticFileHandler):
        def write_error(self, status_code, **kwargs):
            page = Path(self.root) / "404.html"
            if status_code == 404 and page.is_file():
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(page.read_bytes())
            else:
                super().write_error(status_code, **kwargs)

    return Handler


def settings(content: str = "content", **overrides) -> dict:
    """The project's settings (pelicanconf.py) for another content folder."""
    import logging

    from pelican.settings import read_settings

    logging.getLogger("pelican.settings").setLevel(logging.ERROR)  # feed-domain notice: not for editors
    # The tests point the caches elsewhere (FAIS_LE_SAUT_CACHE): the repository's cache/ is never touched.
    cache = {"CACHE_PATH": os.environ["FAIS_LE_SAUT_CACHE"]} if os.environ.get("FAIS_LE_SAUT_CACHE") else {}
    return read_settings(
        str(ROOT / "pelicanconf.py"), override={"PATH": str(Path(content).resolve()), **cache, **overrides}
    )


def content_problems(content: str = "content") -> list:
    """Every problem of a content folder: the build's own rules (content_model.rules)."""
    try:
        return Build(settings(content)).problems
    except BuildStopped as error:
        print(error, file=sys.stderr)
        sys.exit(1)


@task(
    help={
        "content": "dossier de contenu (content par défaut)",
        "format": "texte ou github (annotations de pull request)",
    }
)
def check(c, content="content", format="texte"):
    """Vérifier le contenu avec les règles du build : schéma, secteurs, codes CNP, liens, sections."""
    problems = content_problems(content)
    if format == "github":
        if problems:
            print(annotations(problems))
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(job_summary(problems))
    if problems:
        print(report(problems), file=sys.stderr)
        sys.exit(1)
    print("Contenu valide.")


def job_summary(problems: list) -> str:
    """A short French summary for the pull request's checks page."""
    if not problems:
        return "### Contenu valide\n\nToutes les fiches respectent les règles du site.\n"
    files = sorted({p.file for p in problems})
    lines = [f"### {len(problems)} problème(s) dans {len(files)} fichier(s)", ""]
    lines += [
        f"- `{p.file}{':' + str(p.line) if p.line else ''}` — {p.field} : {p.message}" for p in problems[:50]
    ]
    return "\n".join(lines) + "\n"


@task
def lint(c):
    """Vérifier le code Python avec ruff (règles et mise en forme de pyproject.toml)."""
    c.run("python -m ruff check . && python -m ruff format --check .", pty=False)


@task(pre=[npm, lint])
def test(c, k="", browser=True):
    """Lancer tous les tests : ruff, tests unitaires, builds et navigateur (Chromium sans écran)."""
    # DejaVu draws the social cards; Liberation (Times/Arial metrics) paginates the printed fiche.
    if browser and not (Path(CHROMIUM).exists() and Path(LIBERATION).exists()):
        c.run(
            "apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation",
            pty=False,
        )
    # One worker per core (pytest-xdist); a file's tests stay together, so its module fixtures
    # (e.g. the hostile-input builds) run once.
    c.run(f"python -m pytest -n auto --dist loadfile {'-k ' + repr(k) if k else ''}", pty=False)


@task
def snapshots(c):
    """Régénérer les instantanés des tests (une fiche rendue et l'index de recherche du site d'essai)."""
    from tests.test_snapshots import FILES, SNAPSHOTS

    with tempfile.TemporaryDirectory() as work:
        output = Path(work) / "output"
        c.run(
            f"pelican tests/fixtures/valid -s pelicanconf.py -o {output} -e 'CACHE_PATH=\"{work}/cache\"'",
            pty=False,
        )
        SNAPSHOTS.mkdir(exist_ok=True)
        for snapshot, built in FILES.items():
            shutil.copyfile(output / built, SNAPSHOTS / snapshot)
    print(f"Instantanés régénérés dans {SNAPSHOTS} : relire le diff avant de les valider.")


@task
def rapport(c, content="content"):
    """Rapport pour la révision : fiches non révisées, programmes à compléter, exigences absentes."""
    from plugins.content_model.rapport import rapport as make

    print(make(Build(settings(content)).corpus))


@task(help={"source": "dossier ou adresse (préfixe d'URL) des cinq fichiers CNP normalisés"})
def fetch_noc(c, source=NOC_SOURCE, dest=str(NOC_DIR)):
    """Mettre à jour les données CNP 2021/2016 de data/cnp/ (les cinq fichiers ensemble, vérifiés)."""
    dest_path = Path(dest)
    dest_path.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=dest_path, prefix=".fetch-") as work:
        try:
            for name in NOC_FILES:
                target = Path(work) / name
                if "://" in source:
                    with urllib.request.urlopen(f"{source.rstrip('/')}/{name}", timeout=60) as response:
                        target.write_bytes(response.read())
                else:
                    shutil.copyfile(Path(source) / name, target)
            groups = Noc.load(Path(work)).unit_groups  # refuse files that are not the NOC lists
        except (OSError, ValueError) as error:
            reason = error.reason if hasattr(error, "reason") else error
            print(
                f"Mise à jour des données CNP impossible ({reason}) : data/cnp/ est inchangé.",
                file=sys.stderr,
            )
            sys.exit(1)
        for name in NOC_FILES:
            os.replace(Path(work) / name, dest_path / name)
    print(f"{len(groups)} groupes de base CNP 2021 enregistrés dans {dest_path}")


@task(
    help={
        "titre": "titre du métier, ex. « Intervenant·e communautaire »",
        "cnp": "code CNP 2021",
        "secteurs": "secteurs séparés par des virgules",
    }
)
def new_metier(c, titre, cnp="", secteurs="", content="content"):
    """Créer le squelette d'une fiche dans content/metiers/ (demande le code CNP et les secteurs)."""
    if titre.startswith("-") or len(titre.strip()) < 3:
        print(
            f'Titre invalide « {titre} » : écrire le titre du métier, ex. invoke new-metier "Cuisinier·ère"',
            file=sys.stderr,
        )
        sys.exit(1)
    cnp = cnp or input("Code CNP 2021 (5 chiffres) : ").strip()
    secteurs = secteurs or input("Secteurs (séparés par des virgules) : ").strip()
    try:
        path = scaffold.write(
            ROOT / content,
            titre,
            cnp,
            [s.strip() for s in secteurs.split(",") if s.strip()],
            datetime.date.today(),
        )
    except (FileExistsError, scaffold.ScaffoldError) as error:
        print(error, file=sys.stderr)
        sys.exit(1)
    problems = [p for p in content_problems(content) if p.file.endswith(f"/{path.name}")]
    print(f"Fiche créée : {path} — {len(problems)} point(s) à régler avant la publication :")
    print("\n".join(f"  {p}" for p in problems))
