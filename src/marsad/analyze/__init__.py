"""Read-only questions over the store."""
