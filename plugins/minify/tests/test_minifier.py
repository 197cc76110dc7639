from plugins.minify import minifier


def test_html_loses_whitespace_but_keeps_text_and_structure(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        "<html lang=fr-CA><head><style> a { color : red } </style></head>\n<body>\n  <p>  Fais   le saut </p>\n</body></html>",
        encoding="utf-8",
    )
    (tmp_path / "main.css").write_text("body {\n  margin : 0 ;\n}\n", encoding="utf-8")
    assert minifier.minify_folder(tmp_path) == 2
    html = page.read_text(encoding="utf-8")
    assert "<p>Fais le saut</p>" in html and "a{color:red}" in html and html.endswith("</body></html>")
    assert (tmp_path / "main.css").read_text(encoding="utf-8") == "body{margin:0}"
