"""Project tooling shared by the tests (tests/) and the benchmark (bench/).

Neither of those imports the other: what both need (a copy of the project, a strict build in a
subprocess, Debian's Chromium and a static server, `mkdocs serve` with an edited figure) lives
here, beside the engine (`macros/`), and imports only the engine and the standard library.
"""
