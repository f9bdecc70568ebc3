"""Server-side models of the sandbox, generated from specs/."""
