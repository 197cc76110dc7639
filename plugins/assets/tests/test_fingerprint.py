from plugins.assets.fingerprint import asset_names, fingerprinted


def test_the_name_changes_with_the_bytes():
    assert fingerprinted("css/main.css", b"a") != fingerprinted("css/main.css", b"b")
    assert fingerprinted("js/recherche.js", b"a").startswith("js/recherche.") and fingerprinted(
        "js/x.js", b"a"
    ).endswith(".js")


def test_names_only_when_the_setting_is_on(tmp_path):
    (tmp_path / "static" / "css").mkdir(parents=True)
    (tmp_path / "static" / "css" / "main.css").write_text("body{}", encoding="utf-8")
    settings = {"THEME": str(tmp_path), "THEME_STATIC_DIR": "theme"}
    assert asset_names(settings) == {"css/main.css": "theme/css/main.css"}
    [name] = asset_names({**settings, "FINGERPRINT_ASSETS": True}).values()
    assert name.startswith("theme/css/main.") and name != "theme/css/main.css"
