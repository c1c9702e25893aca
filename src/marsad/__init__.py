"""marsad: a self-hosted observatory for extremist media campaigns.

The library is the product: ingest -> text -> extract -> store -> analyze -> export/web/cli.
"""

__version__ = "0.1.0"
