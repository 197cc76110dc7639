"""Tasks for Fais le saut: `invoke --list` shows them all."""

from __future__ import annotations

import datetime
import shutil
import sys
import tempfile
import urllib.request
from pathlib import Path

from invoke import task

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT / "plugins"))

from content_model import scaffold  # noqa: E402
from content_model.memo import Memo  # noqa: E402
from content_model.noc import find_reference, load_unit_groups  # noqa: E402
from content_model.validate import report, validate_content  # noqa: E402

NOC_URL = (
    "https://www.statcan.gc.ca/fr/sujets/norme/cnp/2021/indexV1/cnp-2021-v1.0-structure-classification.csv"
)
NOC_FILE = ROOT / "data" / "cnp-2021-structure.csv"
CHROMIUM = "/usr/bin/chromium"
LIBERATION = "/usr/share/fonts/truetype/liberation"


@task
def npm(c):
    """Install the pinned front-end packages (lunr.js, lunr-languages, axe-core) if needed."""
    marker = ROOT / "node_modules" / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    if not marker.exists() or marker.stat().st_mtime < lock.stat().st_mtime:
        c.run("npm ci --no-audit --no-fund --loglevel=error", pty=False)


@task(pre=[npm])
def build(c, settings="pelicanconf.py", output="output"):
    """Build the site into output/ (validated; output/ is replaced only on success)."""
    c.run(f"pelican content -s {settings} -o {output} --fatal errors", pty=False)


@task(pre=[npm])
def publish(c):
    """Build the production site (absolute URLs, minified) into output/."""
    build(c, settings="publishconf.py")


@task
def serve(c, port=8000):
    """Build, then preview the site at http://127.0.0.1:<port>/."""
    build(c)
    c.run(f"python -m http.server {port} --bind 127.0.0.1 --directory output", pty=False)


@task
def check(c, content="content"):
    """Validate all content (schema, sectors, codes, links) without building: fast."""
    path = find_reference([NOC_FILE], ROOT)
    noc = load_unit_groups(path) if path else None
    if noc is None:
        print(
            "Avertissement : référentiel CNP absent (invoke fetch-noc) : codes non vérifiés.", file=sys.stderr
        )
    # The build's memo (cache/): files unchanged since the last check or build are not re-parsed.
    problems = validate_content(ROOT / content, noc, Memo(ROOT / "cache" / "content_model.pickle"))
    if problems:
        print(report(problems), file=sys.stderr)
        sys.exit(1)
    print("Contenu valide.")


@task
def lint(c):
    """Check the Python code with ruff (rules and formatting in pyproject.toml)."""
    c.run("python -m ruff check . && python -m ruff format --check .", pty=False)


@task(pre=[npm, lint])
def test(c, k="", browser=True):
    """Lint, then run every test (unit, build, and browser tests in headless Chromium)."""
    # DejaVu draws the social cards; Liberation (Times/Arial metrics) paginates the printed fiche.
    if browser and not (Path(CHROMIUM).exists() and Path(LIBERATION).exists()):
        c.run(
            "apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation",
            pty=False,
        )
    c.run(f"python -m pytest {'-k ' + repr(k) if k else ''}", pty=False)


@task
def fetch_noc(c, url=NOC_URL, dest=str(NOC_FILE)):
    """Download Statistics Canada's NOC 2021 classification structure (CSV) into data/."""
    dest_path = Path(dest)
    dest_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=dest_path.parent, suffix=".part", delete=False) as part:
        with urllib.request.urlopen(url, timeout=60) as response:
            shutil.copyfileobj(response, part)
    groups = load_unit_groups(part.name)  # refuse a file that is not a NOC list
    Path(part.name).replace(dest_path)
    print(f"{len(groups)} groupes de base CNP 2021 enregistrés dans {dest_path}")


@task(help={"titre": "Titre du métier, ex. « Intervenant·e communautaire »"})
def new_metier(c, titre, cnp="", secteurs="", content="content"):
    """Create a valid profile skeleton in content/metiers/ (asks for the code and sectors)."""
    cnp = cnp or input("Code CNP 2021 (5 chiffres) : ").strip()
    secteurs = secteurs or input("Secteurs (slugs séparés par des virgules) : ").strip()
    path = scaffold.write(
        ROOT / content,
        titre,
        cnp,
        [s.strip() for s in secteurs.split(",") if s.strip()],
        datetime.date.today(),
    )
    print(f"Fiche créée : {path} — complète-la puis lance « invoke check ».")
    noc_path = find_reference([NOC_FILE], ROOT)
    problems = [
        p
        for p in validate_content(ROOT / content, load_unit_groups(noc_path) if noc_path else None)
        if p.file.endswith(f"/{path.name}")
    ]
    if problems:
        print(report(problems), file=sys.stderr)
        sys.exit(1)
