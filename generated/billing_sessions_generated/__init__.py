"""Everything generated from specs/ by scripts/regenerate: never edited by hand.

- one typed client per provider (openapi-python-client): ``gestix``, ``szamla_agent``, ``bill``, ``bill_v3``,
  ``billingplatform``, e.g. ``from billing_sessions_generated.gestix.api.invoices import create_invoice``;
  the sessions of ``billing_sessions`` drive them;
- ``sandbox_models``: the sandbox's server-side models (datamodel-code-generator) and the specs it serves
  examples from; only ``billing_sessions.sandbox`` imports them.

The clients' old top-level names (``gestix_client``, ...) still work, with a ``DeprecationWarning``, until
billing-sessions 0.3.0.
"""
