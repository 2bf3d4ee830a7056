"""Browser tests: the built site served locally and driven through Debian's Chromium."""
