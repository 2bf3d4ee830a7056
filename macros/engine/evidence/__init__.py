"""Evidence: read the quantities in a source's passage and check them against a figure."""
