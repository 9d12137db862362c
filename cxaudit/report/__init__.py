"""Report stage: one formatter per file, each returns a string; only the CLI writes."""
