"""Minify written files in place with minify-html; only when the MINIFY_HTML setting is on."""

from __future__ import annotations

from pathlib import Path

import minify_html

# Closing tags and <html>/<head> stay: screen readers and validators expect well-formed pages.
OPTIONS = {
    "minify_css": True,
    "minify_js": True,
    "keep_closing_tags": True,
    "keep_html_and_head_opening_tags": True,
}


def minify_text(text: str, suffix: str) -> str:
    if suffix == ".css":
        # minify-html minifies CSS found in <style>: wrap, minify, unwrap.
        wrapped = minify_html.minify(f"<style>{text}</style>", minify_css=True)
        return wrapped.removeprefix("<style>").removesuffix("</style>")
    if suffix == ".js":
        # Likewise for JavaScript in <script> (the theme's own scripts; vendor files come minified).
        wrapped = minify_html.minify(f"<script>{text}</script>", minify_js=True)
        return wrapped.removeprefix("<script>").removesuffix("</script>")
    return minify_html.minify(text, **OPTIONS)


def minify_folder(folder: Path) -> int:
    count = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".html", ".css", ".js") and path.is_file() and "vendor" not in path.parts:
            path.write_text(minify_text(path.read_text(encoding="utf-8"), path.suffix), encoding="utf-8")
            count += 1
    return count


def minify_output(pelican):
    if pelican.settings.get("MINIFY_HTML"):
        minify_folder(Path(pelican.output_path))
