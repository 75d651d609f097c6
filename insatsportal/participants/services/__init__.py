"""Writes of participant data: one module per step, names <noun>_<verb>."""
