"""Python-Markdown extensions of this site (added by the MkDocs adapter, listed in
mkdocs.zensical.yml for Zensical)."""
