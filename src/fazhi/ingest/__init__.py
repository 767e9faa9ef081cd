"""Readers: bytes of any supported format -> one grounded Document."""

from fazhi.ingest.registry import detect_format, is_report_file, read_bytes, read_document, read_path, read_raw

__all__ = ["detect_format", "is_report_file", "read_bytes", "read_document", "read_path", "read_raw"]
