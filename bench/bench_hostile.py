"""Run issue 7's hostile cases once each and print exit code, time and peak RSS per case.

    python bench/bench_hostile.py [--src SRC] [--cap-seconds 60]

``--src`` runs another checkout's ``src`` (say, the code before a change) with
this .venv. Each case runs `fazhi` in a child under a 6 GB address-space cap
and a wall-clock cap, so a case that would eat the machine is cut off and
shown as ">cap".
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support import hostile  # noqa: E402


def run(args: list[str], env: dict, cap: float, cwd: Path, interrupt_after: float | None = None) -> tuple:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))

    start = time.monotonic()
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from fazhi.cli import main; main()", *args], env=env, cwd=cwd, preexec_fn=limit,
        stdout=log, stderr=subprocess.STDOUT,
    )
    if interrupt_after is not None:
        time.sleep(interrupt_after)
        proc.send_signal(signal.SIGINT)
    timer = threading.Timer(cap, proc.kill)
    timer.start()
    # wait4, not RUSAGE_CHILDREN: the peak of this child alone, not of every child so far.
    _, status, usage = os.wait4(proc.pid, 0)
    timed_out = not timer.is_alive()
    timer.cancel()
    elapsed = time.monotonic() - start
    peak_mb = usage.ru_maxrss / 1024
    log.seek(0)
    out, err = log.read(), b""
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = (out + err).decode("utf-8", "replace")
    return proc.returncode, elapsed, peak_mb, timed_out, text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    parser.add_argument("--cap-seconds", type=float, default=60)
    parser.add_argument("--only", default="")
    opts = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="fazhi-hostile-"))
    env = {**os.environ, "PYTHONPATH": str(opts.src.resolve()), "FAZHI_DATA_DIR": str(tmp / "data"),
           "COLUMNS": "200"}

    def folder(name: str) -> Path:
        path = tmp / name
        path.mkdir()
        return path

    cases: list[tuple[str, list[str]]] = []
    d = folder("c1")
    hostile.gbk_name(d)
    hostile.good_txt(d / "z-good.txt", "1")
    cases.append(("1 GBK-named file (ingest)", ["ingest", str(d)]))
    cases.append(("2 meta charset=undefined", ["analyze", str(hostile.unknown_charset_html(tmp / "u.html"))]))
    cases.append(("3a numbering 10^11 lowerLetter", ["analyze", str(hostile.numbering_docx(tmp / "n11.docx", 10**11, "lowerLetter"))]))
    cases.append(("3b numbering 10^15 upperRoman", ["analyze", str(hostile.numbering_docx(tmp / "n15.docx", 10**15, "upperRoman"))]))
    d = folder("c4")
    hostile.fifo(d / "fifo.txt")
    hostile.device_link(d / "a.txt", "/dev/zero")
    hostile.device_link(d / "b.pdf", "/dev/urandom")
    hostile.good_txt(d / "z-good.txt", "4")
    cases.append(("4 FIFO + /dev/zero + /dev/urandom (ingest)", ["ingest", str(d)]))
    cases.append(("7 190 MB document.xml", ["analyze", str(hostile.huge_xml_docx(tmp / "big.docx"))]))
    cases.append(("8a PDF stream -> 1 GB", ["analyze", str(hostile.pdf_bomb(tmp / "bomb1.pdf", 1024, 1))]))
    cases.append(("8b PDF 4 streams -> 4 GB", ["analyze", str(hostile.pdf_bomb(tmp / "bomb4.pdf", 1024, 4))]))
    cases.append(("9 49 MB txt", ["analyze", str(hostile.big_txt(tmp / "big.txt"))]))
    cases.append(("10 truncated UTF-8", ["analyze", str(hostile.truncated_utf8(tmp / "cut.txt"))]))
    d = folder("c11")
    for name in ("[red]x.txt", "a\\[b.txt", "\x1b[31mred.txt"):
        hostile.good_txt(d / name, name.encode().hex())
    cases.append(("11 markup/ESC names (ingest)", ["ingest", str(d)]))
    d = folder("c12")
    hostile.good_txt(d / ("法" * 80 + ".txt"))
    cases.append(("12 80-CJK name (review)", ["review", str(d), "--out", str(tmp / "out12")]))
    d = folder("c13")
    hostile.good_txt(d / "a\x01b.txt", "13a")
    hostile.good_txt(d / "=1+2.txt", "13b")
    cases.append(("13 control/= names (review)", ["review", str(d), "--out", str(tmp / "out13")]))
    cases.append(("14a show 10^20", ["show", "99999999999999999999"]))
    cases.append(("14b FAZHI_MAX_FILE_MB=inf", ["analyze", str(hostile.good_txt(tmp / "g14.txt"))]))
    cases.append(("14c --reviewer a\\x01b", ["review", str(tmp / "g14.txt"), "--reviewer", "a\x01b",
                                            "--out", str(tmp / "out14")]))
    cases.append(("15a --db mysql://", ["list", "--db", "mysql://u@h/db"]))
    for label, args in cases:
        if opts.only and not label.startswith(opts.only):
            continue
        case_env = dict(env)
        if label.startswith("14b"):
            case_env["FAZHI_MAX_FILE_MB"] = "inf"
        code, elapsed, peak, timed_out, text = run(args, case_env, opts.cap_seconds, tmp)
        shown = f">{opts.cap_seconds:.0f}" if timed_out else f"{elapsed:.1f}"
        trace = "traceback" if "Traceback" in text else ""
        last = [line for line in text.splitlines() if line.strip()][-1:] or [""]
        print(f"{label:44} exit={code!s:4} {shown:>6} s  {peak:7.0f} MB  {trace:9} {last[0][:90]}", flush=True)


if __name__ == "__main__":
    main()
