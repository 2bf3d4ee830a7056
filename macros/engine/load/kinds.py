"""What each kind of figure allows, without pydantic: rendering imports these on every build,
also when the checked data comes from the cache (load/cache.py) and pydantic is never loaded."""

NUMERIC_KINDS = {"money", "count", "percent", "ratio", "price", "duration", "year"}
POSITIVE_KINDS = {"money", "count", "ratio", "price", "duration"}
MAX_MAGNITUDE = 1e18
