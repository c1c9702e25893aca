"""Turning answers into what an analyst reads or loads elsewhere."""
