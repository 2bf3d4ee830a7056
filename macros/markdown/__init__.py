"""Python-Markdown extensions of this site (listed under markdown_extensions in mkdocs.yml,
which Zensical reads too)."""
