# Generated from _async/__init__.py by scripts/make_sync: edit that file, not this one.
"""I/O code written once, async; ``billing_sessions._sync`` is generated from it (``scripts/make_sync``)."""
