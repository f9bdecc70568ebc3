"""Deprecated name of ``billing_sessions_generated.bill``, which it gives (written by scripts/regenerate):
importing it warns once; it goes in billing-sessions 0.3.0.
"""

from billing_sessions_generated._legacy import alias

alias(__name__, "bill")
