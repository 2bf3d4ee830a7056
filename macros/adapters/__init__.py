"""One adapter per site generator: the only modules that import MkDocs, Zensical or Jinja."""
