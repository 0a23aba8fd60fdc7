"""tracker: a keyboard-first terminal CRM for a cluster's international promotion."""

__version__ = "0.1.0"
