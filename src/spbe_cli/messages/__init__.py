"""Every word a user reads, in the regulation's Indonesian and in English, from one catalogue."""

from spbe_cli.messages.catalogue import Lang, text

__all__ = ["Lang", "text"]
