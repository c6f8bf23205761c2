"""accord: a structured conversation for two partners at one keyboard."""

__version__ = "0.1.0"
