"""The site's Pelican plugins, one folder each. A package, so that a plugin imports another's
code as `plugins.<name>` whatever order PLUGINS loads them in."""
