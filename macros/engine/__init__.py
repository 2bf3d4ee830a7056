"""The figure engine: load, validate, derive, format, present, export (see ARCHITECTURE.md)."""
