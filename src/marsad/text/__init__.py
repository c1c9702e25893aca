"""Offset-preserving text work: folding for search and matching, paragraphs, language, bidi repair."""
