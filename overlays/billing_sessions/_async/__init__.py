"""I/O code written once, async; ``billing_sessions._sync`` is generated from it (``scripts/make_sync``)."""
