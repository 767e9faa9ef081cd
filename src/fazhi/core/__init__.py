"""Records, errors and settings shared by every package."""
