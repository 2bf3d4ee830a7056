"""Performance benchmark of the figure engine against a plain Material build (`make bench`)."""
