"""Server-side models of the sandbox, generated from specs/ (only billing_sessions.sandbox imports them)."""
