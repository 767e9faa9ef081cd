"""Readers: bytes of any supported format -> one grounded Document."""

from fazhi.ingest.registry import detect_format, read_bytes, read_path

__all__ = ["detect_format", "read_bytes", "read_path"]
