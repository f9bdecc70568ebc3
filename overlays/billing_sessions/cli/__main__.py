"""``python -m billing_sessions.cli``."""

from billing_sessions.cli import main

main()
