"""Rule packs: data files, one per promise kind and language (see rules/README.md)."""
