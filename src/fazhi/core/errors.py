"""One error root with coded subclasses.

Messages are Chinese because officials read them; each names the file and says
what to do. ``code`` is stable and goes into JSON output and the database.
Errors are turned into output at exactly two places: the CLI and the web app.
"""

from __future__ import annotations


class FazhiError(Exception):
    """Root of every error fazhi raises on purpose. Anything else is a bug."""

    code = "fazhi_error"

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None):
        self.message = message
        self.source = source
        self.hint = hint
        super().__init__(self.one_line())

    def one_line(self) -> str:
        parts = []
        if self.source:
            parts.append(f"{self.source}: ")
        parts.append(self.message)
        if self.hint:
            parts.append(f"({self.hint})")
        return "".join(parts)

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "message": self.one_line()}

    def __reduce__(self):
        # Errors cross from worker processes to the parent: keep every field,
        # not only the formatted line that Exception.args holds.
        return (_rebuild, (type(self), dict(self.__dict__)))


def _rebuild(cls: type[FazhiError], state: dict) -> FazhiError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error.one_line())
    return error


class SpanError(FazhiError):
    """A span does not match the text it claims to come from: always a bug upstream."""

    code = "span_mismatch"


class ConfigError(FazhiError):
    code = "config_error"


class InputError(FazhiError):
    """The input file cannot be read as a report. The batch goes on without it."""

    code = "input_error"


class FileNotFound(InputError):
    code = "not_found"


class EmptyFile(InputError):
    code = "empty_file"


class FileTooLarge(InputError):
    code = "too_large"


class UnsupportedFormat(InputError):
    code = "unsupported_format"


class NotText(InputError):
    """Bytes that are not text in any encoding we know (a binary file named .txt)."""

    code = "not_text"


class CorruptFile(InputError):
    """A DOCX or PDF that its library cannot open: truncated, damaged, or not what its name says."""

    code = "corrupt_file"


class ZipBomb(InputError):
    code = "zip_bomb"


class NoTextLayer(InputError):
    """A scanned PDF: pages are pictures and there is no text to read."""

    code = "no_text_layer"


class NoText(InputError):
    """The file opened fine but holds no report text (an HTML page with no article, say)."""

    code = "no_text"


class StoreError(FazhiError):
    code = "store_error"


class TimeLimit(InputError):
    """A file took longer than ``max_seconds_per_file``; its worker was stopped."""

    code = "time_limit"


class MemoryLimit(InputError):
    """A file needed more memory than ``max_memory_mb``; its worker was stopped."""

    code = "memory_limit"


class InternalError(FazhiError):
    """A bug met while handling one file: its traceback is shown, the batch goes on."""

    code = "internal_error"

    def __init__(self, message: str, *, source: str | None = None, trace: str = ""):
        super().__init__(message, source=source, hint="这是 fazhi 的缺陷,请把上面的错误信息和文件一并报告")
        self.trace = trace
