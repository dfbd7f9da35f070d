"""Operator-facing text goes through `tr()`, so translations can be plugged in later."""

from __future__ import annotations


def tr(text: str) -> str:
    """The text in the operator's language (for now: the text itself)."""
    return text
