"""Read the content tree: which files are content (only regular `.md` files of the two content
folders), and each one read once: strict front matter, body converted and sanitized.

Nothing here follows a symbolic link, opens a special file or reads a file past the size limit:
the tree is checked entry by entry with lstat() before anything is opened.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from . import catalogue
from .body import Body, BodyConverter
from .frontmatter import Document, FrontMatterError, parse
from .memo import Memo, text_key
from .model import (
    CONTENT_FILES,
    CONTENT_FOLDERS,
    EXTRA_DIR,
    IMAGE_SUFFIXES,
    IMAGES_DIR,
    MAX_IMAGE_BYTES,
    MAX_IMAGE_PIXELS,
    MAX_PROFILE_BYTES,
    MAX_SECTEUR_BYTES,
    METIERS_DIR,
    SECTEURS_DIR,
    SLUG,
    Problem,
)
from .parallel import memoized_map

KINDS = {METIERS_DIR: "metier", SECTEURS_DIR: "secteur"}
LIMITS = {METIERS_DIR: MAX_PROFILE_BYTES, SECTEURS_DIR: MAX_SECTEUR_BYTES}


@dataclass
class Fiche:
    """One content file, read: its front matter and its converted body."""

    path: Path
    rel: str  # "content/metiers/cuisinier.md", as editors see it
    kind: str  # "metier" or "secteur"
    slug: str
    doc: Document
    body: Body
    key: str  # hash of the text (memo key)

    @property
    def data(self) -> dict:
        return self.doc.data

    def line(self, field_path: str) -> int | None:
        """Line of a field or list item ("secteurs.1"), else of its field, else None."""
        while field_path:
            if field_path in self.doc.lines:
                return self.doc.lines[field_path]
            field_path = field_path.rpartition(".")[0]
        return None

    def body_line(self, needle: str) -> int | None:
        """First line of the body that contains `needle` (to point at a link or a heading)."""
        for offset, text in enumerate(self.doc.body.split("\n")):
            if needle and needle in text:
                return self.doc.body_line + offset
        return None


@dataclass
class Corpus:
    root: Path
    fiches: list[Fiche] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Slugs of every content file found, read or not: a broken file is still a known page,
    # so its neighbours get no false « fiche inconnue ».
    slugs: dict[str, set[str]] = field(default_factory=lambda: {"metier": set(), "secteur": set()})
    images: set[str] = field(default_factory=set)
    conversions: int = 0  # Markdown conversions made (a body converted once, then memoized)
    programmes: dict = field(default_factory=dict)  # the training catalogue: id -> Programme

    def of_kind(self, kind: str) -> list[Fiche]:
        return [f for f in self.fiches if f.kind == kind]

    def by_path(self) -> dict[str, Fiche]:
        return {str(f.path): f for f in self.fiches}


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root.parent).as_posix()


def _entry_problem(entry: os.DirEntry, allowed_suffixes: tuple[str, ...], limit: int | None) -> str | None:
    """Why this folder entry cannot be content, or None (checked without following links)."""
    info = entry.stat(follow_symlinks=False)
    if stat.S_ISLNK(info.st_mode):
        return "lien symbolique non permis : mettre le fichier lui-même dans le dossier"
    if stat.S_ISDIR(info.st_mode):
        return "sous-dossier non permis : les fichiers vont directement dans ce dossier"
    if not stat.S_ISREG(info.st_mode):
        return "fichier spécial non permis (tube, socket ou périphérique)"
    if not entry.name.lower().endswith(allowed_suffixes):
        return f"type de fichier non permis ici : seulement {', '.join(allowed_suffixes)}"
    if limit is not None and info.st_size > limit:
        return f"fichier trop gros ({info.st_size // 1000} Ko ; maximum {limit // 1000} Ko)"
    return None


def _scan(folder: Path) -> list[os.DirEntry]:
    try:
        return sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []


def _check_image(path: Path, rel: str) -> list[Problem]:
    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                return [
                    Problem(
                        rel,
                        "image",
                        f"image trop grande ({width}×{height} pixels ; maximum {MAX_IMAGE_PIXELS // 1_000_000} mégapixels)",
                    )
                ]
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return [
            Problem(
                rel, "image", "image illisible ou corrompue : l'enregistrer de nouveau en JPEG, PNG ou WebP"
            )
        ]
    return []


def _load(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or why it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(rel, "fichier", f"illisible ({error.strerror})")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, [Problem(rel, "fichier", "encodage invalide : enregistrer le fichier en UTF-8")]
    if "\x00" in text:
        return None, [Problem(rel, "fichier", "caractère nul : fichier binaire ou corrompu")]
    return text, []


def read_texts(texts: list[str]) -> list:
    """Each text read (front matter parsed, body converted) or its front-matter issues as tuples:
    a pure function of the texts, run in worker processes for large sites."""
    converter = BodyConverter()
    results = []
    for text in texts:
        try:
            doc = parse(text)
        except FrontMatterError as error:
            results.append([(issue.field, issue.message, issue.value, issue.line) for issue in error.issues])
            continue
        results.append((doc, converter.convert(doc.body)))
    return results


def _read_all(files: list[tuple[Path, str]], memo: Memo) -> tuple[list, int]:
    """[(doc, body, key) or None, problems] per file, in order; and how many texts were read (the
    others came from the memo)."""
    loaded = [_load(path, rel) for path, rel in files]
    readable = [(rel, text) for (_, rel), (text, _) in zip(files, loaded, strict=True) if text is not None]
    keys = [text_key(text) for _, text in readable]
    before = sum(memo.has("read", key) for key in set(keys))
    read = memoized_map(memo, "read", keys, read_texts, [text for _, text in readable])
    results = iter(zip(keys, read, strict=True))
    found = []
    for (_, rel), (text, problems) in zip(files, loaded, strict=True):
        if text is None:
            found.append((None, problems))
            continue
        key, result = next(results)
        if isinstance(result, list):
            found.append((None, [Problem(rel, f, m, v, line) for f, m, v, line in result]))
        else:
            found.append(((*result, key), []))
    return found, len(set(keys)) - before


def _programmes(path: Path, memo: Memo):
    """catalogue.load, kept in the memo under the hash of the file's text."""
    try:
        key = text_key(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:  # missing or unreadable: catalogue.load says so
        return catalogue.load(path)
    return memo.get("catalogue", key, lambda: catalogue.load(path))


def read_corpus(
    root: Path, memo: Memo | None = None, extra_files: set[str] | frozenset = frozenset()
) -> Corpus:
    """Every content file under `root` (content/), checked and read; `extra_files`: the files
    of content/extra/ the site declares (e.g. {"robots.txt"})."""
    root = Path(root)
    memo = memo if memo is not None else Memo()
    corpus = Corpus(root)
    if not root.is_dir():
        corpus.problems.append(Problem(str(root), "dossier", "dossier de contenu introuvable"))
        return corpus
    for entry in _scan(root):
        info = entry.stat(follow_symlinks=False)
        rel = _rel(Path(entry.path), root)
        if stat.S_ISLNK(info.st_mode):
            corpus.problems.append(Problem(rel, "fichier", "lien symbolique non permis dans content/"))
        elif stat.S_ISDIR(info.st_mode) and entry.name in CONTENT_FOLDERS:
            continue
        elif stat.S_ISREG(info.st_mode) and entry.name in CONTENT_FILES:
            continue
        elif not entry.name.startswith("."):
            corpus.problems.append(
                Problem(
                    rel,
                    "fichier",
                    "élément inconnu dans content/ : seulement metiers/, secteurs/, images/, extra/, formations.yaml et synonymes.yaml",
                )
            )
    corpus.programmes, problems = _programmes(root / catalogue.CATALOGUE_FILE, memo)
    corpus.problems += problems
    files = []  # (path, rel, kind, slug) of every content file to read
    for folder, kind in KINDS.items():
        for entry in _scan(root / folder):
            path, rel = Path(entry.path), _rel(Path(entry.path), root)
            if entry.name.startswith("."):
                continue
            problem = _entry_problem(entry, (".md",), LIMITS[folder])
            slug = entry.name[:-3] if entry.name.endswith(".md") else entry.name
            if problem:
                corpus.problems.append(Problem(rel, "fichier", problem))
                continue
            corpus.slugs[kind].add(slug)
            if not SLUG.match(slug):
                corpus.problems.append(
                    Problem(
                        rel,
                        "slug (nom du fichier)",
                        "minuscules sans accents, chiffres et traits d'union seulement",
                        slug,
                    )
                )
            files.append((path, rel, kind, slug))
    found, corpus.conversions = _read_all([(path, rel) for path, rel, _, _ in files], memo)
    for (path, rel, kind, slug), (read, problems) in zip(files, found, strict=True):
        corpus.problems += problems
        if read:
            doc, body, key = read
            corpus.fiches.append(Fiche(path, rel, kind, slug, doc, body, key))
    for entry in _scan(root / IMAGES_DIR):
        rel = _rel(Path(entry.path), root)
        problem = _entry_problem(entry, IMAGE_SUFFIXES, MAX_IMAGE_BYTES)
        if problem:
            corpus.problems.append(Problem(rel, "image", problem))
            continue
        corpus.images.add(entry.name)
        corpus.problems += _check_image(Path(entry.path), rel)
    for entry in _scan(root / EXTRA_DIR):
        rel = _rel(Path(entry.path), root)
        if entry.name not in extra_files:
            corpus.problems.append(
                Problem(
                    rel,
                    "fichier",
                    "fichier non déclaré : content/extra/ ne contient que les fichiers que le site publie",
                )
            )
        else:
            problem = _entry_problem(entry, (entry.name,), 100_000)
            if problem:
                corpus.problems.append(Problem(rel, "fichier", problem))
    memo.save()
    return corpus
