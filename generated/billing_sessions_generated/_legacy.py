"""The deprecated top-level names of the generated clients (scripts/regenerate wrote it).

``gestix_client`` and the other ``<provider>_client`` packages are thin aliases until billing-sessions
0.3.0: importing one warns once (``DeprecationWarning``) and puts
``billing_sessions_generated.<provider>`` and its modules themselves under the old names, so
``from gestix_client.models import DocumentInput`` gives the very class the sessions use.
Type checkers do not follow the alias: import the new names.
"""

import pkgutil
import sys
import warnings
from importlib import import_module


def alias(old: str, provider: str) -> None:
    """Make ``old`` and every ``old.<module>`` the modules of ``billing_sessions_generated.<provider>``."""
    new = f"billing_sessions_generated.{provider}"
    warnings.warn(
        f"{old} is deprecated and goes in billing-sessions 0.3.0: import {new} instead",
        DeprecationWarning,
        stacklevel=3,  # the caller's import statement (the import machinery's frames are skipped)
    )
    package = import_module(new)
    for module in pkgutil.walk_packages(package.__path__, f"{new}."):
        sys.modules[old + module.name[len(new) :]] = import_module(module.name)
    sys.modules[old] = package
