"""The local web UI (`marsad serve`): server-rendered pages over the same library calls as the CLI.

No logic of its own: search is analyze.search, the timeline analyze.timeline, the facts and reviews the
store's. No script at all, a CSP that forbids any, every value escaped, the originals served only as
downloads; bound to 127.0.0.1 unless a token guards it; read-only unless started with --review.
(marsad.web.app imports FastAPI; the CLI imports it only when it serves.)
"""
